package dev.nightjar.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.bench.SandboxSync;
import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.eval.EvalRunner;
import dev.nightjar.index.vectors.E5SmallEmbedder;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Gatherer;
import dev.nightjar.skills.ask.Intent;
import dev.nightjar.skills.ask.Neighborhood;
import dev.nightjar.skills.ask.SubjectResolver;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hybrid retrieval on the sandbox company: a question worded unlike the document it needs is found only through the
 * dense vectors, in the index and in what {@code ask} gathers for its answer; neighbours below the similarity threshold
 * stay out of the answer; an index that follows the store embeds only changed texts.
 */
class SemanticRetrievalSandboxTest {

    private static final String PAGE_LOAD = "What is our page load time target?";
    private static final String CANCELLATIONS = "How many cancellations did we have?";

    @TempDir
    Path tmp;

    @Test
    void synonymQuestionIsAnsweredOnlyWithVectorsAndUnchangedTextsAreNotEmbeddedAgain() throws Exception {
        onSandbox((store, people, bm25, hybrid) -> {
            assertThat(titles(bm25, PAGE_LOAD)).doesNotContain("Storefront web vitals");
            assertThat(titles(hybrid, PAGE_LOAD)).contains("Storefront web vitals");
            SearchHit vitals = hybrid.nearest(SearchRequest.of(PAGE_LOAD, DocumentSearch.RESCORE_WINDOW)).stream()
                    .filter(h -> h.title().equals("Storefront web vitals")).findFirst().orElseThrow();
            assertThat(vitals.vectorsOnly()).isTrue();
            assertThat(vitals.similarity()).isNotNull();

            // what `ask` answers from: the page is gathered as a neighbour in meaning only when vectors are on
            assertThat(titles(gather(store, people, hybrid, PAGE_LOAD).byMeaning().values())).contains("Storefront web vitals");
            assertThat(gather(store, people, bm25, PAGE_LOAD).byMeaning()).isEmpty();

            assertThat(hybrid.embeddedCount()).isEqualTo(hybrid.documentCount());
            hybrid.rebuild(store); // same texts: every vector is reused from the index being replaced
            assertThat(hybrid.embeddedCount()).isEqualTo(hybrid.documentCount());
            assertThat(titles(hybrid, PAGE_LOAD)).contains("Storefront web vitals");
        });
    }

    /**
     * The churn page never says "cancel": e5-small-v2 puts it 77th nearest to the question (cosine 0.779, the nearest
     * unrelated comment 0.812; all-MiniLM-L6-v2: 146th, 0.216 vs 0.367). What must hold is that such neighbours,
     * below the threshold, are not offered as an answer: the answer says nothing matched.
     */
    @Test
    void neighboursBelowTheThresholdStayOutOfTheAnswer() throws Exception {
        onSandbox((store, people, bm25, hybrid) -> {
            assertThat(hybrid.nearest(SearchRequest.of(CANCELLATIONS, 5))).hasSize(5).allSatisfy(h ->
                    assertThat(h.title()).isNotEqualTo("Subscription retention review"));
            Neighborhood n = gather(store, people, hybrid, CANCELLATIONS);
            assertThat(n.byMeaning()).isEmpty();
            assertThat(n.attached()).isEmpty();
        });
    }

    /** What a case checks on the synced sandbox company, with a BM25-only index and a hybrid one over the same store. */
    private interface IndexCase {
        void check(DocumentStore store, dev.nightjar.store.PeopleDirectory people, DocumentIndex bm25, DocumentIndex hybrid) throws Exception;
    }

    private void onSandbox(IndexCase check) throws Exception {
        Clock clock = Clock.fixed(EvalRunner.NOW, ZoneOffset.UTC);
        try (SandboxSync sandbox = new SandboxSync(tmp.resolve("company"), clock, Sleeper.real())) {
            sandbox.sync(false);
            DocumentStore store = sandbox.workspace().documents();
            try (DocumentIndex bm25 = DocumentIndex.open(tmp.resolve("bm25"), store, clock, null);
                 DocumentIndex hybrid = DocumentIndex.open(tmp.resolve("hybrid"), store, clock, new E5SmallEmbedder())) {
                check.check(store, sandbox.workspace().people(), bm25, hybrid);
            }
        }
    }

    private static Neighborhood gather(DocumentStore store, dev.nightjar.store.PeopleDirectory people, DocumentIndex index, String question) {
        Corpus corpus = new Corpus(store, Viewer.operator());
        String topic = Intent.of(question, EvalRunner.NOW, ZoneOffset.UTC).topic();
        return new Gatherer(corpus, index, people).gather(new SubjectResolver(corpus, people).resolve(topic.isBlank() ? question : topic));
    }

    private static List<String> titles(java.util.Collection<StoredDocument> docs) {
        return docs.stream().map(d -> d.document().title()).toList();
    }

    /** The re-ranking window, not the top ten: the page's fused rank is below the top ten (BENCHMARKS.md, "Semantic retrieval"). */
    private static List<String> titles(DocumentIndex index, String question) {
        return index.search(SearchRequest.of(question, DocumentSearch.RESCORE_WINDOW)).stream().map(SearchHit::title).toList();
    }
}
