package dev.nightjar.truth;

import static dev.nightjar.truth.CanonicalFacts.dates;
import static dev.nightjar.truth.CanonicalFacts.day;
import static dev.nightjar.truth.CanonicalFacts.owners;
import static dev.nightjar.truth.CanonicalFacts.updated;

import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Sections;
import dev.nightjar.skills.Words;
import dev.nightjar.store.StoredDocument;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Conflicts, a part of the truth policy: a newer, lower-truth document stating a different date (exact
 * or vague: "early February", "slip two weeks"), owner or metric target than a current canonical
 * document, about the same subject. Each conflict is cited on both sides, the higher-truth side first.
 */
public final class Conflicts {

    /** Words of a document title that say what kind of document it is, not what it is about. */
    private static final Set<String> DOC_WORDS = Set.of("prd", "spec", "doc", "document", "draft", "approved", "plan", "rfc", "brief",
            "one", "pager", "v1", "v2", "v3", "launch", "notes");

    private Conflicts() {
    }

    /** Conflicts between each of the {@code current} canonical documents and newer, lower-truth documents among {@code others}, about the same subject. */
    public static void find(List<StoredDocument> current, FactSheet sheet, Collection<StoredDocument> others) {
        for (StoredDocument c : current) {
            List<Mentions.DateMention> planned = dates(c);
            List<Mentions.MetricTarget> targets = Mentions.metricTargets(Sections.unscoped(c.document().body()));
            List<String> owners = owners(c);
            Set<String> subject = subjectWords(c);
            for (StoredDocument o : others) {
                if (o.id().equals(c.id()) || o.superseded() || !o.truth().aboutTheTeam() || !c.truth().isAbove(o.truth()) || !updated(o).isAfter(updated(c))) continue;
                String body = Sections.unscoped(o.document().body());
                LocalDate ref = day(updated(o));
                for (Mentions.DateMention m : Mentions.dates(body, ref)) {
                    if (!about(subject, m.sentence(), o)) continue;
                    planned.stream().filter(p -> p.what().equals(m.what()) && !p.date().equals(m.date())).findFirst().ifPresent(p ->
                            sheet.conflict(named(o) + " states " + m.what() + " " + m.date() + "; the canonical "
                                    + c.document().title() + " says " + p.date() + ".", c, o));
                }
                for (Mentions.FuzzyDate f : Mentions.fuzzyDates(body, ref)) {
                    if (!about(subject, f.sentence(), o)) continue;
                    planned.stream().filter(p -> p.what().equals(f.what()) && !f.contains(p.date())).findFirst().ifPresent(p ->
                            sheet.conflict(named(o) + " says the " + f.what() + " moves to \"" + f.phrase() + "\" ("
                                    + f.from() + " to " + f.to() + "); the canonical " + c.document().title() + " says " + p.date() + ".", c, o));
                }
                for (Mentions.Shift s : Mentions.shifts(body)) {
                    if (!about(subject, s.sentence(), o)) continue;
                    planned.stream().filter(p -> p.what().equals(s.what())).findFirst().ifPresent(p ->
                            sheet.conflict(named(o) + " says the " + s.what() + " will \"" + s.phrase() + "\" (about "
                                    + p.date().plusDays(s.days()) + "); the canonical " + c.document().title() + " says " + p.date() + ".", c, o));
                }
                if (!owners.isEmpty()) {
                    for (String owner : Mentions.owners(body)) {
                        if (owners.contains(owner) || !about(subject, o.document().title(), o)) continue;
                        sheet.conflict(named(o) + " names " + owner + " as owner; the canonical "
                                + c.document().title() + " says " + owners.get(0) + ".", c, o);
                    }
                }
                for (Mentions.MetricTarget t : Mentions.metricTargets(body)) {
                    targets.stream().filter(p -> p.key().equals(t.key()) && p.value() != t.value()).findFirst().ifPresent(p ->
                            sheet.conflict(named(o) + " states a " + t.metric() + " target of "
                                    + t.valueWithUnit() + "; the canonical " + c.document().title() + " says " + p.valueWithUnit() + ".", c, o));
                }
            }
        }
    }

    /** What a canonical document is about: its title's words without the document-kind words ("3DS2 migration PRD" → 3ds2, migration). */
    public static Set<String> subjectWords(StoredDocument c) {
        Set<String> words = new java.util.LinkedHashSet<>(Words.significant(c.document().title()));
        words.removeAll(DOC_WORDS);
        return words;
    }

    /** A statement is about the canonical document's subject when its sentence or its document's title names it. */
    private static boolean about(Set<String> subject, String sentence, StoredDocument o) {
        if (subject.isEmpty()) return true;
        Set<String> said = Words.significant(sentence);
        said.addAll(Words.significant(o.document().title()));
        return subject.stream().anyMatch(said::contains);
    }

    /**
     * "The scratchpad note what if we pull …": the label and the title, without the "Scratchpad: " a scratchpad
     * note's title starts with (ScratchpadService), which the label already says ("The scratchpad note Scratchpad:
     * …" was a trial finding).
     */
    static String named(StoredDocument d) {
        String title = d.document().title();
        if (d.truth() == dev.nightjar.model.TruthLevel.SCRATCHPAD && title.regionMatches(true, 0, "Scratchpad: ", 0, 12)) title = title.substring(12);
        return label(d) + " " + title;
    }

    public static String label(StoredDocument d) {
        return switch (d.truth()) {
            case SCRATCHPAD -> "The scratchpad note";
            case REFERENCE -> "The external reference";
            case WORKING -> "The working document";
            case RECORD -> "The record";
            case CANONICAL -> "The canonical document";
        };
    }
}
