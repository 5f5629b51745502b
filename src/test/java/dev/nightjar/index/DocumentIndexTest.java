package dev.nightjar.index;

import static dev.nightjar.testing.TestDocs.doc;
import static dev.nightjar.testing.TestDocs.privateTo;
import static dev.nightjar.testing.TestDocs.withProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentIndexTest {

    @TempDir
    Path tmp;
    final Instant now = TempWorkspace.NOW;

    @Test
    void canonicalOutranksANewerScratchpadNoteAndStaleCanonicalIsLabelled() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            Document prd = withProperties(doc("notion:page:prd-1", "Billing migration PRD",
                    "The billing migration launches on 2027-01-15. Scope: invoices and refunds.", now.minus(Duration.ofDays(20))),
                    Map.of("data_source", "PRDs", "Status", "Approved"));
            Document note = withProperties(doc("slack:thread:C9/1.0", "scratch",
                    "billing migration launch maybe 2027-02-01? billing migration slipping", now.minus(Duration.ofHours(2))),
                    Map.of("scratchpad", "true"));
            Document oldPrd = withProperties(doc("notion:page:prd-0", "Search relevance PRD",
                    "Search relevance launch plan", now.minus(Duration.ofDays(200))), Map.of("data_source", "PRDs", "Status", "Approved"));
            TempWorkspace.ingest(ws, List.of(prd, note, oldPrd));

            List<SearchHit> hits = ws.index().search(SearchRequest.of("billing migration launch", 10).withHighlights());
            List<String> order = ids(hits);
            assertThat(order).startsWith("notion:page:prd-1").contains("slack:thread:C9/1.0");
            assertThat(order.indexOf("notion:page:prd-1")).isLessThan(order.indexOf("slack:thread:C9/1.0"));
            assertThat(hits.get(0).truth()).isEqualTo(TruthLevel.CANONICAL);
            assertThat(hits.get(order.indexOf("slack:thread:C9/1.0")).truth()).isEqualTo(TruthLevel.SCRATCHPAD);
            assertThat(hits.get(0).highlight()).containsIgnoringCase("<b>billing</b>");

            SearchHit stale = ws.index().search(SearchRequest.of("search relevance", 1)).get(0);
            assertThat(stale.truth()).isEqualTo(TruthLevel.CANONICAL);
            assertThat(stale.stale()).isTrue();
        }
    }

    @Test
    void filtersBySourceTimeAndVisibility() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(
                    doc("linear:issue:PAY-1", "Ledger export", "ledger export job", now.minus(Duration.ofDays(3))),
                    doc("github:pr:acme/api#1", "Ledger export PR", "ledger", now.minus(Duration.ofHours(3))),
                    privateTo(doc("slack:thread:G1/1.0", "ledger secrets", "ledger private plan", now), "slack:U1")));
            DocumentIndex index = ws.index();
            assertThat(index.search(SearchRequest.of("ledger", 10).withSources(Set.of("github")))).extracting(SearchHit::id)
                    .containsExactly("github:pr:acme/api#1");
            assertThat(index.search(SearchRequest.of("ledger", 10).withUpdated(now.minus(Duration.ofDays(1)), null)))
                    .extracting(SearchHit::id).containsExactlyInAnyOrder("github:pr:acme/api#1", "slack:thread:G1/1.0");
            assertThat(index.search(SearchRequest.of("ledger", 10).visibleTo(Set.of("slack:U2", "u2@example.com"))))
                    .extracting(SearchHit::id).doesNotContain("slack:thread:G1/1.0").hasSize(2);
            assertThat(index.search(SearchRequest.of("ledger", 10).visibleTo(Set.of("slack:U1")))).hasSize(3);
        }
    }

    @Test
    void reindexFromTheStoreGivesTheSameTopTenAsTheIncrementalIndex() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<String> queries = List.of("billing migration", "ranker experiment", "ledger export", "launch date", "latency regression",
                "search", "crash", "refund");
        Path root = tmp.resolve("ws");
        List<List<String>> incremental = new ArrayList<>();
        try (Workspace ws = TempWorkspace.open(root, clock, Map.of())) {
            Random random = new Random(7);
            String[] words = {"billing", "migration", "ranker", "experiment", "ledger", "export", "launch", "date", "latency",
                    "regression", "search", "crash", "refund", "invoice", "team", "review", "plan", "metric"};
            // many small batches with updates and deletions, like a series of nightly runs
            for (int batch = 0; batch < 20; batch++) {
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int n = random.nextInt(300);
                    StringBuilder body = new StringBuilder();
                    for (int w = 0; w < 25; w++) body.append(words[random.nextInt(words.length)]).append(' ');
                    docs.add(doc("linear:issue:T-" + n, words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)],
                            body.toString(), now.minus(Duration.ofHours(random.nextInt(2000)))));
                }
                ws.documents().write(new Normalized(docs, List.of(), List.of(),
                        batch % 5 == 4 ? List.of(dev.nightjar.model.DocumentId.parse("linear:issue:T-" + random.nextInt(300))) : List.of()),
                        d -> TruthAssessment.of(TruthLevel.values()[Math.abs(d.id().key().hashCode()) % 4], "test"));
                ws.index().catchUp(ws.documents());
            }
            ws.index().compact(); // what the nightly job does at its end
            for (String q : queries) incremental.add(ids(ws.index().search(SearchRequest.of(q, 10))));
            int rebuilt = ws.index().rebuild(ws.documents());
            assertThat(rebuilt).isEqualTo(ws.index().documentCount());
            for (int i = 0; i < queries.size(); i++) {
                assertThat(ids(ws.index().search(SearchRequest.of(queries.get(i), 10)))).as(queries.get(i)).isEqualTo(incremental.get(i));
            }
            assertThat(incremental).allSatisfy(top -> assertThat(top).hasSize(10));
        }
    }

    @Test
    void indexingFromCommittedWritesGivesWhatAReplayFromTheStoreGives() {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        List<String> queries = List.of("billing migration", "ranker experiment", "ledger export", "launch", "refund", "crash");
        try (Workspace ws = TempWorkspace.open(tmp.resolve("ws"), clock, Map.of())) {
            Random random = new Random(11);
            String[] words = {"billing", "migration", "ranker", "experiment", "ledger", "export", "launch", "refund", "crash", "plan"};
            int direct = 0;
            // writes apart from the change feed (which would apply them itself), to apply them here by hand
            DocumentStore unfollowed = new DocumentStore(ws.database(), clock);
            for (int batch = 0; batch < 20; batch++) {
                List<Document> docs = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    int n = random.nextInt(200);
                    StringBuilder body = new StringBuilder();
                    for (int w = 0; w < 20; w++) body.append(words[random.nextInt(words.length)]).append(' ');
                    // one title longer than the store's column: the index must hold the stored (cut) title either way
                    String title = n == 7 ? "launch " + "x".repeat(5000) : words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
                    docs.add(doc("linear:issue:T-" + n, title, body.toString(), now.minus(Duration.ofHours(random.nextInt(2000)))));
                }
                var written = unfollowed.writeBatch(new Normalized(docs, List.of(), List.of(),
                        batch % 5 == 4 ? List.of(dev.nightjar.model.DocumentId.parse("linear:issue:T-" + random.nextInt(200))) : List.of()),
                        d -> TruthAssessment.of(TruthLevel.values()[Math.abs(d.id().key().hashCode()) % 4], "test"));
                if (batch % 7 == 3) {
                    // a change from another writer between two writes: the next write no longer follows on, so it is replayed
                    unfollowed.updateTruth(docs.get(0).id().toString(), TruthAssessment.of(TruthLevel.CANONICAL, "mark"), null);
                }
                boolean followsOn = written.changes().firstSeq() == ws.index().appliedSeq() + 1;
                ws.index().applyCommitted(written.changes(), unfollowed);
                if (followsOn) direct++;
                assertThat(ws.index().applyCommitted(written.changes(), unfollowed)).as("a repeat applies nothing").isZero();
            }
            assertThat(direct).as("writes indexed from the write itself").isGreaterThan(10);
            ws.index().compact();
            List<List<SearchHit>> fromWrites = new ArrayList<>();
            for (String q : queries) fromWrites.add(withoutScores(ws.index().search(SearchRequest.of(q, 10))));
            int count = ws.index().documentCount();
            assertThat(ws.index().rebuild(ws.documents())).isEqualTo(count);
            for (int i = 0; i < queries.size(); i++) {
                assertThat(withoutScores(ws.index().search(SearchRequest.of(queries.get(i), 10)))).as(queries.get(i)).isEqualTo(fromWrites.get(i));
            }
            assertThat(fromWrites).allSatisfy(top -> assertThat(top).hasSize(10));
        }
    }

    private static List<SearchHit> withoutScores(List<SearchHit> hits) {
        return hits.stream().map(h -> new SearchHit(h.id(), 0f, h.title(), h.url(), h.truth(), h.stale(), h.superseded(), h.updatedAt(),
                h.highlight(), h.similarity(), h.keyword())).toList();
    }

    @Test
    void storeChangesNotYetIndexedAreReplayedOnOpen() {
        Path root = tmp.resolve("crash");
        try (Workspace ws = TempWorkspace.open(root)) {
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:A-1", "first", "alpha", now)));
            // the store commits, the process dies before the index catches up
            ws.documents().write(new Normalized(List.of(doc("linear:issue:A-2", "second", "alpha beta", now)), List.of(), List.of(), List.of()),
                    d -> ws.truthPolicy().assess(d, Optional.empty(), now));
        }
        try (Workspace ws = TempWorkspace.open(root)) {
            assertThat(ids(ws.index().search(SearchRequest.of("alpha", 10)))).containsExactlyInAnyOrder("linear:issue:A-1", "linear:issue:A-2");
        }
    }

    @Test
    void aReadingCommandOpensACurrentIndexWithoutItsWriterAndABehindOneWithIt() {
        Path root = tmp.resolve("reading");
        Path data = root.resolve("data");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Workspace ws = TempWorkspace.open(root)) {
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:A-1", "first", "alpha", now)));
        }
        try (Workspace ws = TempWorkspace.open(root)) {
            try (DocumentIndex current = DocumentIndex.openForReading(data, ws.documents(), clock)) {
                assertThat(current.readOnly()).isTrue();
                assertThat(ids(current.search(SearchRequest.of("alpha", 10)))).containsExactly("linear:issue:A-1");
                // it does not hold the write lock: a `serve` starting meanwhile still takes the writer
                try (DocumentIndex writer = DocumentIndex.open(data, ws.documents(), clock)) {
                    assertThat(writer.readOnly()).isFalse();
                }
            }
            // the store moves on without the index: another process's write, not followed here
            DocumentStore otherProcess = new DocumentStore(ws.database(), clock);
            otherProcess.write(new Normalized(List.of(doc("linear:issue:A-2", "second", "alpha beta", now)),
                    List.of(), List.of(), List.of()), d -> ws.truthPolicy().assess(d, Optional.empty(), now));
            try (DocumentIndex behind = DocumentIndex.openForReading(data, new DocumentStore(ws.database(), clock), clock)) {
                assertThat(behind.readOnly()).isFalse();
                assertThat(ids(behind.search(SearchRequest.of("alpha", 10)))).containsExactlyInAnyOrder("linear:issue:A-1", "linear:issue:A-2");
            }
        }
    }

    @Test
    void writesNobodySearchesBetweenAreFlushedTogetherAndASearchStillSeesEachOne() throws Exception {
        Path root = tmp.resolve("lazy-refresh");
        try (Workspace ws = TempWorkspace.open(root)) {
            ws.index();
            for (int i = 1; i <= 5; i++) TempWorkspace.ingest(ws, List.of(doc("linear:issue:A-" + i, "issue " + i, "alpha", now)));
            // read-your-writes: the search refreshes first
            assertThat(ids(ws.index().search(SearchRequest.of("alpha", 10)))).hasSize(5);
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:A-6", "issue 6", "alpha", now)));
            assertThat(ids(ws.index().search(SearchRequest.of("alpha", 10)))).contains("linear:issue:A-6");
            ws.index().commit();
        }
        // a refresh after every write would have flushed one segment per write (6 here); searches flushed twice
        try (var dir = org.apache.lucene.store.FSDirectory.open(root.resolve("data/index"));
             var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
            assertThat(reader.numDocs()).isEqualTo(6);
            assertThat(reader.leaves()).hasSize(2);
        }
    }

    @Test
    void aSupersededOnlySearchScoresOnlySupersededDocuments() {
        try (Workspace ws = TempWorkspace.open(tmp.resolve("superseded"))) {
            TempWorkspace.ingest(ws, List.of(doc("notion:page:old", "Reranker PRD draft", "reranker launch date", now),
                    doc("notion:page:new", "Reranker PRD", "reranker launch date", now)));
            ws.documents().updateTruth("notion:page:old", TruthAssessment.of(TruthLevel.WORKING, "replaced"), "notion:page:new");
            ws.index().catchUp(ws.documents());
            assertThat(ids(ws.index().search(SearchRequest.of("reranker launch", 10)))).hasSize(2);
            assertThat(ids(ws.index().search(SearchRequest.of("reranker launch", 10).supersededOnly()))).containsExactly("notion:page:old");
        }
    }

    @Test
    void anIndexBuiltWithAnOlderFieldLayoutIsRebuiltOnOpen() throws Exception {
        Path root = tmp.resolve("old");
        try (Workspace ws = TempWorkspace.open(root)) {
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:A-1", "first", "alpha beta", now)));
        }
        // replace the index with one whose body has no offsets and no schema marker, as version 1 wrote it
        Path indexDir = root.resolve("data/index");
        try (var dir = org.apache.lucene.store.FSDirectory.open(indexDir);
             var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(DocumentIndex.newAnalyzer())
                     .setOpenMode(org.apache.lucene.index.IndexWriterConfig.OpenMode.CREATE))) {
            var old = new org.apache.lucene.document.Document();
            old.add(new org.apache.lucene.document.StringField("id", "linear:issue:A-1", org.apache.lucene.document.Field.Store.YES));
            old.add(new org.apache.lucene.document.TextField("body", "alpha beta", org.apache.lucene.document.Field.Store.YES));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("store_change_seq", "1").entrySet());
            writer.commit();
        }
        try (Workspace ws = TempWorkspace.open(root)) {
            List<SearchHit> hits = ws.index().search(SearchRequest.of("alpha", 10).withHighlights());
            assertThat(ids(hits)).containsExactly("linear:issue:A-1");
            assertThat(hits.get(0).highlight()).contains("<b>alpha</b>");
        }
    }

    @Test
    void aSecondProcessSearchesTheLastCommitWhileTheFirstHoldsTheWriter() {
        Path root = tmp.resolve("shared");
        try (Workspace serving = TempWorkspace.open(root)) {
            TempWorkspace.ingest(serving, List.of(doc("linear:issue:S-1", "shared", "gamma", now)));
            serving.index().commit();
            try (Workspace cli = TempWorkspace.open(root)) { // the same data dir, as `ask` next to `serve`
                assertThat(cli.index().readOnly()).isTrue();
                assertThat(ids(cli.index().search(SearchRequest.of("gamma", 10)))).containsExactly("linear:issue:S-1");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> cli.index().rebuild(cli.documents()))
                        .hasMessageContaining("open in another Nightjar process");
            }
        }
    }

    private static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }
}
