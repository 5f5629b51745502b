package dev.nightjar.index.vectors;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An {@link Embedder} over one of langchain4j's in-process ONNX sentence models (the model ships inside its Maven
 * Central jar; ONNX Runtime runs it in this JVM: no network, no Python). The model is loaded on first use, so
 * commands that never embed pay nothing. Models trained with instruction prefixes (e5: {@code "query: "} and
 * {@code "passage: "}) get them here, so callers pass plain text.
 */
abstract class OnnxEmbedder implements Embedder {

    private final String label;
    private final Supplier<EmbeddingModel> loader;
    private final String queryPrefix;
    private final String passagePrefix;
    private volatile EmbeddingModel model;

    OnnxEmbedder(String label, Supplier<EmbeddingModel> loader, String queryPrefix, String passagePrefix) {
        this.label = label;
        this.loader = loader;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public float[] embed(String text) {
        return normalised(model().embed(passagePrefix + orPlaceholder(text)).content());
    }

    @Override
    public float[] embedQuery(String question) {
        return normalised(model().embed(queryPrefix + orPlaceholder(question)).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) return List.of();
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) segments.add(TextSegment.from(passagePrefix + orPlaceholder(text)));
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) vectors.add(normalised(embedding));
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    try {
                        loaded = loader.get();
                    } catch (RuntimeException | LinkageError e) {
                        throw new IllegalStateException("cannot load the embedding model (" + label + "): " + e, e);
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
        for (float v : vector) norm += (double) v * v;
        if (norm == 0) return vector;
        float scale = (float) (1.0 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) unit[i] = vector[i] * scale;
        return unit;
    }
}
