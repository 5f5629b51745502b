package dev.nightjar.skills.scratchpad;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Words;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which Linear project (or initiative) a raw note is about: an issue key in the note decides through
 * the issue's project; otherwise the names of projects and initiatives are scored by the share of their
 * words the note uses. Two unrelated names scoring alike make the match "unsure", with both as candidates.
 */
public final class ProjectMatcher {

    private static final double MIN_RATIO = 0.5;
    private static final double TIE = 0.1;

    private final Corpus corpus;

    public ProjectMatcher(Corpus corpus) {
        this.corpus = corpus;
    }

    public record Match(Optional<StoredDocument> project, List<StoredDocument> candidates) {
    }

    private record Scored(StoredDocument doc, Words.Overlap overlap) {
    }

    public Match match(String text) {
        for (String key : IssueKeyLinks.typedKeys(text)) { // "rnk-134 slipped" too: a lead types keys as they come
            Optional<StoredDocument> issue = corpus.find(DocumentKind.LINEAR_ISSUE.prefix() + key);
            if (issue.isEmpty()) continue;
            List<String> projects = corpus.linksFrom(List.of(issue.get().id()), LinkType.PART_OF).stream().map(Link::to)
                    .filter(to -> DocumentKind.LINEAR_PROJECT.is(to)).toList();
            List<StoredDocument> found = corpus.findAll(projects);
            if (!found.isEmpty()) return new Match(Optional.of(found.get(0)), List.of());
        }
        Set<String> tokens = Words.significant(text);
        List<Scored> scored = new ArrayList<>();
        for (StoredDocument d : corpus.select(q -> q.ofKinds(DocumentKind.PLANNING))) {
            Words.Overlap o = Words.overlap(d.document().title(), tokens);
            if (o.matched() > 0) scored.add(new Scored(d, o));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> s.overlap().ratio()).thenComparingInt(s -> s.overlap().matched()).reversed()
                .thenComparing(s -> s.doc().document().id().kind().equals("project") ? 0 : 1));
        if (scored.isEmpty()) return new Match(Optional.empty(), List.of());
        Scored best = scored.get(0);
        List<StoredDocument> ties = new ArrayList<>();
        for (Scored s : scored.subList(1, scored.size())) {
            boolean close = s.overlap().matched() == best.overlap().matched() && best.overlap().ratio() - s.overlap().ratio() <= TIE;
            if (close && !related(best.doc(), s.doc())) ties.add(s.doc());
        }
        if (best.overlap().ratio() < MIN_RATIO || !ties.isEmpty()) {
            List<StoredDocument> candidates = new ArrayList<>(List.of(best.doc()));
            candidates.addAll(ties);
            if (ties.isEmpty()) scored.stream().skip(1).limit(2).forEach(s -> candidates.add(s.doc()));
            return new Match(Optional.empty(), candidates);
        }
        return new Match(Optional.of(best.doc()), List.of());
    }

    /** A project and its own initiative are not rivals. */
    private static boolean related(StoredDocument a, StoredDocument b) {
        return a.document().projects().contains(b.id()) || b.document().projects().contains(a.id());
    }
}
