package dev.nightjar.index;

import dev.nightjar.model.TruthLevel;
import java.time.Instant;

/**
 * One ranked hit with enough to cite it; the full document is in the store.
 *
 * @param score      the rank score: BM25 × truth × recency without vectors, the fused reciprocal-rank score with them,
 *                   the cosine similarity in {@link DocumentIndex#nearest}
 * @param similarity cosine similarity in [-1, 1] between the question's vector and the document's, or null when the
 *                   document was not among the nearest vectors (or vectors are off)
 * @param keyword    whether BM25 (with typo tolerance) matched the document; false for a hit found by vectors only
 */
public record SearchHit(String id, float score, String title, String url, TruthLevel truth, boolean stale,
                        boolean superseded, Instant updatedAt, String highlight, Float similarity, boolean keyword) {

    /** True for a hit that shares no searched word with the question: only its meaning brought it. */
    public boolean vectorsOnly() {
        return !keyword && similarity != null;
    }
}
