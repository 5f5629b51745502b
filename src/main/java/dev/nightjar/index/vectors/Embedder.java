package dev.nightjar.index.vectors;

import java.util.List;

/**
 * Turns text into a dense sentence vector for semantic retrieval and similarity.
 *
 * <p>Shape: every vector has {@link #dimensions()} components and unit length (L2 norm 1), so the
 * dot product of two vectors is their cosine similarity in [-1, 1]; Lucene's
 * {@code VectorSimilarityFunction.DOT_PRODUCT} relies on that. Implementations are thread-safe.
 * Errors: a model that cannot be loaded throws {@link IllegalStateException} naming the cause.
 */
public interface Embedder {

    /** Number of components in every vector (384 for all-MiniLM-L6-v2). */
    int dimensions();

    /** The model's name, recorded with an index so vectors of another model are never mixed in. */
    String name();

    /** The unit vector of {@code text} as a document (passage); an empty text gives a vector too (the model's, normalised). */
    float[] embed(String text);

    /** The unit vector of a question to search documents with; the same as {@link #embed} for a symmetric model. */
    default float[] embedQuery(String question) {
        return embed(question);
    }

    /**
     * The unit vectors of {@code texts}, in the same order. Batching amortises the model's per-call
     * cost; callers embedding many documents (the nightly job) should use this.
     */
    List<float[]> embedAll(List<String> texts);

    /** Dot product of two unit vectors, i.e. their cosine similarity. */
    static float cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        float sum = 0f;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
