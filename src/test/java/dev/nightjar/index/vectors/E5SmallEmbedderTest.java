package dev.nightjar.index.vectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class E5SmallEmbedderTest {

    private final Embedder embedder = new E5SmallEmbedder();

    @Test
    void vectorsHaveTheModelsWidthAndUnitLength() {
        float[] v = embedder.embedQuery("page load time target");
        assertThat(v).hasSize(E5SmallEmbedder.DIMENSIONS);
        assertThat(Embedder.cosine(v, v)).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void aQuestionIsNearerToThePassageThatAnswersItThanToAnUnrelatedOne() {
        float[] question = embedder.embedQuery("What is our page load time target?");
        List<float[]> passages = embedder.embedAll(List.of(
                "Largest Contentful Paint (LCP) under 2.5 s at p75 on mobile, measured by real-user monitoring.",
                "Banana bread: mix flour, sugar and three ripe bananas."));
        assertThat(Embedder.cosine(question, passages.get(0))).isGreaterThan(Embedder.cosine(question, passages.get(1)) + 0.05f);
    }

    @Test
    void aQuestionIsEmbeddedAsAQueryNotAsAPassage() {
        // e5 was trained with "query: " and "passage: " prefixes; the two embeddings of one text differ
        assertThat(Embedder.cosine(embedder.embedQuery("page load time"), embedder.embed("page load time"))).isLessThan(0.999f);
    }
}
