package dev.nightjar.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.bench.SandboxSync;
import dev.nightjar.eval.EvalRunner;
import dev.nightjar.index.vectors.MiniLmEmbedder;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.connectors.http.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid retrieval on the sandbox company: questions worded unlike the documents they need are found
 * only through the dense vectors, and an index that follows the store embeds only changed texts.
 */
class SemanticRetrievalSandboxTest {

    @TempDir
    Path tmp;

    @Test
    void synonymQuestionIsFoundOnlyWithVectorsAndUnchangedTextsAreNotEmbeddedAgain() throws Exception {
        onSandbox((store, bm25, hybrid) -> {
            assertFoundOnlyWithVectors(bm25, hybrid, "What is our page load time target?", "Storefront web vitals");
            assertThat(hybrid.embeddedCount()).isEqualTo(hybrid.documentCount());

            hybrid.rebuild(store); // same texts: every vector is reused from the index being replaced
            assertThat(hybrid.embeddedCount()).isEqualTo(hybrid.documentCount());
            assertThat(titles(hybrid, "What is our page load time target?")).contains("Storefront web vitals");
        });
    }

    @Test
    @Disabled("beyond the bundled model: all-MiniLM-L6-v2 (quantized) puts \"How many cancellations did we have?\" at cosine 0.22 "
            + "to the retention review (churn) and 0.34 to \"PAY-108: Backfill soft decline\"; the page ranks ~835th of the vector list")
    void cancellationQuestionFindsTheChurnPageOnlyWithVectors() throws Exception {
        onSandbox((store, bm25, hybrid) ->
                assertFoundOnlyWithVectors(bm25, hybrid, "How many cancellations did we have?", "Subscription retention review"));
    }

    /** What a case checks on the synced sandbox company, with a BM25-only index and a hybrid one over the same store. */
    private interface IndexCase {
        void check(DocumentStore store, DocumentIndex bm25, DocumentIndex hybrid) throws Exception;
    }

    private void onSandbox(IndexCase check) throws Exception {
        Clock clock = Clock.fixed(EvalRunner.NOW, ZoneOffset.UTC);
        try (SandboxSync sandbox = new SandboxSync(tmp.resolve("company"), clock, Sleeper.real())) {
            sandbox.sync(false);
            DocumentStore store = sandbox.workspace().documents();
            try (DocumentIndex bm25 = DocumentIndex.open(tmp.resolve("bm25"), store, clock, null);
                 DocumentIndex hybrid = DocumentIndex.open(tmp.resolve("hybrid"), store, clock, new MiniLmEmbedder())) {
                check.check(store, bm25, hybrid);
            }
        }
    }

    /**
     * BM25 cannot reach the document at all (none of the question's words is in it); the hybrid list does.
     * The window is the re-ranking window, not the top ten: on the sandbox the fused rank of such a
     * document is below the top ten, because the question's common words ("how", "many", "have") give
     * BM25 a long list that fusion weighs equally (see BENCHMARKS.md, "Semantic retrieval").
     */
    private static void assertFoundOnlyWithVectors(DocumentIndex bm25, DocumentIndex hybrid, String question, String title) {
        assertThat(titles(bm25, question)).doesNotContain(title);
        assertThat(titles(hybrid, question)).contains(title);
    }

    private static List<String> titles(DocumentIndex index, String question) {
        return index.search(SearchRequest.of(question, DocumentSearch.RESCORE_WINDOW)).stream().map(SearchHit::title).toList();
    }
}
