package dev.nightjar.index;

import java.time.Instant;
import java.util.Set;

/**
 * A search: free text plus filters. Null or empty filters mean "any".
 *
 * @param visibleTo  identities (and e-mail) of the reader; null = the operator, who sees everything
 * @param highlights whether to compute a highlighted passage per hit (it costs more than the search)
 * @param flags      only documents carrying one of these index flags ({@code stale}, {@code superseded})
 */
public record SearchRequest(String text, Set<String> sources, Set<String> kinds, Set<String> projects,
                            Instant updatedFrom, Instant updatedTo, Set<String> visibleTo, int limit, boolean highlights,
                            Set<String> flags) {

    public static SearchRequest of(String text, int limit) {
        return new SearchRequest(text, null, null, null, null, null, null, limit, false, null);
    }

    public SearchRequest withHighlights() {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, true, flags);
    }

    public SearchRequest withSources(Set<String> s) {
        return new SearchRequest(text, s, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, flags);
    }

    public SearchRequest withKinds(Set<String> k) {
        return new SearchRequest(text, sources, k, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, flags);
    }

    public SearchRequest withProjects(Set<String> p) {
        return new SearchRequest(text, sources, kinds, p, updatedFrom, updatedTo, visibleTo, limit, highlights, flags);
    }

    public SearchRequest withUpdated(Instant from, Instant to) {
        return new SearchRequest(text, sources, kinds, projects, from, to, visibleTo, limit, highlights, flags);
    }

    public SearchRequest visibleTo(Set<String> identities) {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, identities, limit, highlights, flags);
    }

    /** Index flag of a superseded document (beside {@code stale}). */
    public static final String SUPERSEDED = "superseded";

    /**
     * Only superseded documents: a few among many, so the search scores only them. The flag is the index's
     * copy of the store's; a document superseded since the index last caught up is not among them yet.
     */
    public SearchRequest supersededOnly() {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, Set.of(SUPERSEDED));
    }
}
