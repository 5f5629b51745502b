package dev.nightjar.skills.ask;

import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Sections;
import dev.nightjar.skills.Words;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical documents of a subject: their planned dates, owners and metric targets stated as facts,
 * superseded ones named as such (never their values), stale ones flagged; and conflicts: a newer
 * lower-truth document stating a different date (exact or vague: "early February", "slip two weeks"),
 * owner or target than the current canonical one, about the same subject.
 *
 * <p>Where a fact comes from: a page property states it ({@code Owner}, {@code Launch date}) and beats
 * anything in the body; in the body, a section's heading or toggle scopes its lines, so "Owner: Maya
 * Okafor" under "Fallback" is the fallback's owner, told as such and never compared with the page's owner.
 */
public final class Canon {

    private static final Pattern DATE_PROPERTY = Pattern.compile("(?i).*\\b(launch|release|ship|go[- ]live|due|deadline|target date|rollout)\\b.*");
    private static final Pattern OWNER_PROPERTY = Pattern.compile("(?i)owners?|dri|accountable");
    /** Words of a document title that say what kind of document it is, not what it is about. */
    private static final Set<String> DOC_WORDS = Set.of("prd", "spec", "doc", "document", "draft", "approved", "plan", "rfc", "brief",
            "one", "pager", "v1", "v2", "v3", "launch", "notes");

    private final List<StoredDocument> current = new ArrayList<>();
    private final List<StoredDocument> superseded = new ArrayList<>();

    public Canon(Collection<StoredDocument> docs) {
        for (StoredDocument d : docs) {
            if (d.truth() != TruthLevel.CANONICAL) continue;
            (d.superseded() ? superseded : current).add(d);
        }
        current.sort(Comparator.comparing(Canon::updated).reversed());
    }

    public List<StoredDocument> current() {
        return List.copyOf(current);
    }

    /** The first metric target named in a current canonical document for {@code metricKey}. */
    public Optional<Target> target(String metricKey) {
        return targets().stream().filter(t -> t.target().key().equals(metricKey)).findFirst();
    }

    /** Every metric target of the current canonical documents (the document's own, not a section's). */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (StoredDocument d : current) {
            for (Mentions.MetricTarget t : Mentions.metricTargets(Sections.unscoped(d.document().body()))) {
                if (out.stream().noneMatch(o -> o.target().key().equals(t.key()))) out.add(new Target(t, d));
            }
        }
        return out;
    }

    public record Target(Mentions.MetricTarget target, StoredDocument source) {
        public String describe() {
            return target.describe();
        }
    }

    /** The planned dates a document states: its date properties, then body dates of the kinds no property gives. */
    static List<Mentions.DateMention> dates(StoredDocument d) {
        List<Mentions.DateMention> out = new ArrayList<>();
        for (Map.Entry<String, String> p : d.document().properties().entrySet()) {
            if (!DATE_PROPERTY.matcher(p.getKey().replace('_', ' ')).matches() || p.getValue() == null) continue;
            String what = Optional.ofNullable(purposeOf(p.getKey())).orElse("target");
            Mentions.datesIn(p.getValue(), null).stream().findFirst()
                    .ifPresent(date -> out.add(new Mentions.DateMention(what, date, p.getKey() + ": " + p.getValue())));
        }
        for (Mentions.DateMention m : Mentions.dates(Sections.unscoped(d.document().body()), day(updated(d)))) {
            if (out.stream().noneMatch(o -> o.what().equals(m.what()))) out.add(m);
        }
        return out;
    }

    private static String purposeOf(String propertyName) {
        String p = propertyName.toLowerCase(Locale.ROOT).replace('_', ' ');
        if (p.contains("launch") || p.contains("release") || p.contains("ship") || p.contains("live") || p.contains("rollout")) return "launch";
        if (p.contains("due") || p.contains("deadline")) return "deadline";
        return "target";
    }

    /** The document's owners: an owner property, else "Owner: …" in the body's unscoped lines. */
    static List<String> owners(StoredDocument d) {
        for (Map.Entry<String, String> p : d.document().properties().entrySet()) {
            if (OWNER_PROPERTY.matcher(p.getKey()).matches() && p.getValue() != null && !p.getValue().isBlank()) {
                return List.of(p.getValue().split(",\\s*"));
            }
        }
        return Mentions.owners(Sections.unscoped(d.document().body()));
    }

    /** Owners named inside a section: (section, owner). */
    static List<String[]> sectionOwners(StoredDocument d) {
        List<String[]> out = new ArrayList<>();
        for (Sections.Line l : Sections.lines(d.document().body())) {
            if (l.scope() == null) continue;
            for (String o : Mentions.owners(l.text())) out.add(new String[]{l.scope(), o});
        }
        return out;
    }

    public void facts(FactSheet sheet, String section) {
        for (StoredDocument d : current) {
            String title = d.document().title();
            String flag = d.stale() ? " (stale: past its review date " + day(d.reviewBy()) + "; confirm before relying on it)" : "";
            for (Mentions.DateMention m : dates(d)) {
                sheet.add(section, capital(m.what()) + " date " + m.date() + ", per the canonical " + title + flag + ".", d);
            }
            for (Mentions.MetricTarget t : Mentions.metricTargets(Sections.unscoped(d.document().body()))) {
                sheet.add(section, "Target " + t.describe() + ", per the canonical " + title + flag + ".", d);
            }
            List<String> owners = owners(d);
            if (!owners.isEmpty()) sheet.add(section, "Owner " + String.join(", ", owners) + ", per the canonical " + title + flag + ".", d);
            for (String[] so : sectionOwners(d)) {
                if (!owners.contains(so[1])) sheet.add(section, capital(so[0]) + " (a section of " + title + "): owner " + so[1] + ".", d);
            }
        }
        for (StoredDocument old : superseded) {
            Optional<StoredDocument> by = current.stream().filter(c -> c.id().equals(old.supersededBy())).findFirst();
            if (by.isPresent()) {
                sheet.add(section, old.document().title() + " is superseded by " + by.get().document().title()
                        + "; its dates and targets are not current.", old, by.get());
            } else {
                sheet.add(section, old.document().title() + " is superseded; its dates and targets are not current.", old);
            }
        }
    }

    /** Conflicts between each current canonical document and newer, lower-truth documents among {@code others}, about the same subject. */
    public void conflicts(FactSheet sheet, Collection<StoredDocument> others) {
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
                            sheet.conflict(label(o) + " " + o.document().title() + " states " + m.what() + " " + m.date() + "; the canonical "
                                    + c.document().title() + " says " + p.date() + ".", c, o));
                }
                for (Mentions.FuzzyDate f : Mentions.fuzzyDates(body, ref)) {
                    if (!about(subject, f.sentence(), o)) continue;
                    planned.stream().filter(p -> p.what().equals(f.what()) && !f.contains(p.date())).findFirst().ifPresent(p ->
                            sheet.conflict(label(o) + " " + o.document().title() + " says the " + f.what() + " moves to \"" + f.phrase() + "\" ("
                                    + f.from() + " to " + f.to() + "); the canonical " + c.document().title() + " says " + p.date() + ".", c, o));
                }
                for (Mentions.Shift s : Mentions.shifts(body)) {
                    if (!about(subject, s.sentence(), o)) continue;
                    planned.stream().filter(p -> p.what().equals(s.what())).findFirst().ifPresent(p ->
                            sheet.conflict(label(o) + " " + o.document().title() + " says the " + s.what() + " will \"" + s.phrase() + "\" (about "
                                    + p.date().plusDays(s.days()) + "); the canonical " + c.document().title() + " says " + p.date() + ".", c, o));
                }
                if (!owners.isEmpty()) {
                    for (String owner : Mentions.owners(body)) {
                        if (owners.contains(owner) || !about(subject, o.document().title(), o)) continue;
                        sheet.conflict(label(o) + " " + o.document().title() + " names " + owner + " as owner; the canonical "
                                + c.document().title() + " says " + owners.get(0) + ".", c, o);
                    }
                }
                for (Mentions.MetricTarget t : Mentions.metricTargets(body)) {
                    targets.stream().filter(p -> p.key().equals(t.key()) && p.value() != t.value()).findFirst().ifPresent(p ->
                            sheet.conflict(label(o) + " " + o.document().title() + " states a " + t.metric() + " target of "
                                    + t.valueWithUnit() + "; the canonical " + c.document().title() + " says " + p.valueWithUnit() + ".", c, o));
                }
            }
        }
    }

    /** What a canonical document is about: its title's words without the document-kind words ("3DS2 migration PRD" → 3ds2, migration). */
    static Set<String> subjectWords(StoredDocument c) {
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

    static String label(StoredDocument d) {
        return switch (d.truth()) {
            case SCRATCHPAD -> "The scratchpad note";
            case REFERENCE -> "The external reference";
            case WORKING -> "The working document";
            case RECORD -> "The record";
            case CANONICAL -> "The canonical document";
        };
    }

    public static Instant updated(StoredDocument d) {
        return d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt();
    }

    public static LocalDate day(Instant i) {
        return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
