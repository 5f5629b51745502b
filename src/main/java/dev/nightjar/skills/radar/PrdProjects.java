package dev.nightjar.skills.radar;

import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.store.StoredDocument;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Linear projects a canonical document (a PRD in Notion) belongs to, from its links, with each
 * project's own team and initiative: the audience a radar match on the document reaches besides its
 * author. In order of evidence:
 * <ol>
 *   <li>projects or initiatives the document names as its own ({@code projects}), is part of, or links
 *       to (a Linear project URL, kept as a {@code url:} reference, is resolved against project URLs);</li>
 *   <li>failing those, the project most of the Linear issues it names belong to ("We launch … (RNK-134),
 *       after a week of shadow traffic (RNK-130)"); on a tie, each of the tied projects.</li>
 * </ol>
 * A PRD that names no project and no issue belongs to none, and reaches only its author and participants.
 */
final class PrdProjects {

    private final Corpus corpus;

    PrdProjects(Corpus corpus) {
        this.corpus = corpus;
    }

    /** Project, team and initiative ids ({@code linear:project:…}, {@code linear:team:…}); empty when none is known. */
    Set<String> of(Document target) {
        String id = target.id().toString();
        Set<String> projects = new LinkedHashSet<>();
        target.projects().stream().filter(PrdProjects::planning).forEach(projects::add);
        List<Link> links = corpus.linksFrom(List.of(id), LinkType.PART_OF, LinkType.REFERENCES, LinkType.CLOSES);
        for (Link l : links) if (planning(l.to())) projects.add(l.to());
        List<String> urls = links.stream().map(Link::to).filter(t -> t.startsWith("url:")).map(PrdProjects::trimSlash).toList();
        if (!urls.isEmpty()) {
            for (StoredDocument p : corpus.select(q -> q.ofKinds(List.of(DocumentKind.LINEAR_PROJECT)))) {
                String own = p.document().url() == null ? null : trimSlash("url:" + p.document().url());
                if (own != null && urls.stream().anyMatch(u -> u.equals(own) || u.startsWith(own + "/"))) projects.add(p.id());
            }
        }
        if (projects.isEmpty()) projects.addAll(mostNamed(links));
        Set<String> out = new LinkedHashSet<>(projects);
        for (StoredDocument p : corpus.findAll(projects)) out.addAll(p.document().projects());
        return out;
    }

    /** The project(s) most of the named issues belong to. */
    private Set<String> mostNamed(List<Link> links) {
        List<String> issues = links.stream().map(Link::to).filter(DocumentKind.LINEAR_ISSUE::is).distinct().toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StoredDocument issue : corpus.findAll(issues)) {
            issue.document().projects().stream().filter(DocumentKind.LINEAR_PROJECT::is).distinct().forEach(p -> counts.merge(p, 1, Integer::sum));
        }
        int most = counts.values().stream().max(Integer::compare).orElse(0);
        Set<String> out = new LinkedHashSet<>();
        counts.forEach((p, n) -> {
            if (n == most) out.add(p);
        });
        return out;
    }

    private static boolean planning(String id) {
        return DocumentKind.LINEAR_PROJECT.is(id) || DocumentKind.LINEAR_INITIATIVE.is(id);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
