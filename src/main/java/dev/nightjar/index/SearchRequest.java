package dev.nightjar.index;

import java.time.Instant;
import java.util.Set;

/**
 * A search: free text plus filters. Null or empty filters mean "any".
 *
 * @param visibleTo  identities (and e-mail) of the reader; null = the operator, who sees everything
 * @param highlights whether to compute a highlighted passage per hit (it costs more than the search)
 * @param flags      only documents carrying one of these index flags ({@code stale}, {@code superseded})
 * @param typos      whether a word no document contains is also matched with up to 2 edits (a misspelt name)
 */
public record SearchRequest(String text, Set<String> sources, Set<String> kinds, Set<String> projects,
                            Instant updatedFrom, Instant updatedTo, Set<String> visibleTo, int limit, boolean highlights,
                            Set<String> flags, boolean typos) {

    public static SearchRequest of(String text, int limit) {
        return new SearchRequest(text, null, null, null, null, null, null, limit, false, null, true);
    }

    public SearchRequest withHighlights() {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, true, flags, typos);
    }

    public SearchRequest withSources(Set<String> s) {
        return new SearchRequest(text, s, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, flags, typos);
    }

    public SearchRequest withKinds(Set<String> k) {
        return new SearchRequest(text, sources, k, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, flags, typos);
    }

    public SearchRequest withProjects(Set<String> p) {
        return new SearchRequest(text, sources, kinds, p, updatedFrom, updatedTo, visibleTo, limit, highlights, flags, typos);
    }

    public SearchRequest withUpdated(Instant from, Instant to) {
        return new SearchRequest(text, sources, kinds, projects, from, to, visibleTo, limit, highlights, flags, typos);
    }

    public SearchRequest visibleTo(Set<String> identities) {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, identities, limit, highlights, flags, typos);
    }

    /** Index flag of a superseded document (beside {@code stale}). */
    public static final String SUPERSEDED = "superseded";

    /**
     * Only superseded documents: a few among many, so the search scores only them. The flag is the index's
     * copy of the store's; a document superseded since the index last caught up is not among them yet.
     */
    public SearchRequest supersededOnly() {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, Set.of(SUPERSEDED), typos);
    }

    /**
     * Only the words as written: no fuzzy match for a word the index lacks. For a caller that keeps only hits
     * whose words the question holds exactly, where a fuzzy clause could add no hit it keeps and costs a walk of
     * the term dictionary per misspelt word.
     */
    public SearchRequest exactWords() {
        return new SearchRequest(text, sources, kinds, projects, updatedFrom, updatedTo, visibleTo, limit, highlights, flags, false);
    }
}
