package dev.nightjar.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    private final Embedder embedder = new MiniLmEmbedder();

    @Test
    void vectorsHaveTheModelsWidthAndUnitLength() {
        float[] v = embedder.embed("nightly sync of linear issues");
        assertThat(v).hasSize(384);
        assertThat(Embedder.cosine(v, v)).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void wordsWithTheSameMeaningAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embedAll(List.of(
                "customer cancellations rose this quarter",
                "churn increased in Q3",
                "banana bread recipe"));
        float related = Embedder.cosine(v.get(0), v.get(1));
        float unrelated = Embedder.cosine(v.get(0), v.get(2));
        assertThat(related).isGreaterThan(unrelated + 0.2f);
    }

    @Test
    void batchAndSingleEmbeddingAgree() {
        float[] single = embedder.embed("page load time");
        float[] batch = embedder.embedAll(List.of("page load time", "")).get(0);
        assertThat(Embedder.cosine(single, batch)).isCloseTo(1f, within(1e-3f));
    }
}
