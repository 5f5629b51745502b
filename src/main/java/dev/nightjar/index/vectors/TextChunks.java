package dev.nightjar.index.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into word windows short enough for the embedding model.
 *
 * <p>all-MiniLM-L6-v2 reads at most 256 word pieces and drops the rest; English prose averages about
 * 1.3 word pieces per word, so {@link #WORDS_PER_CHUNK} words stay under the limit with room for
 * identifiers, which split into more pieces.
 */
public final class TextChunks {

    /** Words per chunk: 256 word pieces / ~1.3 pieces per word, rounded down with a margin. */
    public static final int WORDS_PER_CHUNK = 180;

    /**
     * At most this many chunks per document are embedded (the first ~2,900 words): a document's topic
     * is set out at its start, and this bounds the nightly cost of one very long page.
     */
    public static final int MAX_CHUNKS = 16;

    private TextChunks() {
    }

    /** The chunks of {@code text} in order; one chunk (possibly empty) for a short or blank text. */
    public static List<String> of(String text) {
        String[] words = text == null ? new String[0] : text.trim().split("\\s+");
        if (words.length <= WORDS_PER_CHUNK) return List.of(text == null ? "" : text.trim());
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < words.length && chunks.size() < MAX_CHUNKS; from += WORDS_PER_CHUNK) {
            int to = Math.min(words.length, from + WORDS_PER_CHUNK);
            chunks.add(String.join(" ", java.util.Arrays.copyOfRange(words, from, to)));
        }
        return chunks;
    }

    /** The unit-length mean of unit vectors: one vector standing for all of a document's chunks. */
    public static float[] meanOf(List<float[]> vectors) {
        float[] sum = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) sum[i] += v[i];
        }
        double norm = 0;
        for (float s : sum) norm += (double) s * s;
        if (norm == 0) return sum;
        float scale = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) sum[i] *= scale;
        return sum;
    }
}
