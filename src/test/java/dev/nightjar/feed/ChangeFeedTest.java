package dev.nightjar.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.DecisionStore;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.FollowerPositions;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.testing.TestDocs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;

/** One change feed drives the index and the decision log after every commit; reads never write. */
class ChangeFeedTest {

    @TempDir
    Path tmp;

    private static List<Document> decisionThreads(int n, String topic) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            docs.add(TestDocs.doc("slack:thread:C1/" + topic + "." + i, "#eng: " + topic + " " + i,
                    "Lee: decided to use " + topic + " " + i + " since ops knows it", TempWorkspace.NOW));
        }
        return docs;
    }

    private static void writeWithoutFollowing(Workspace ws, List<Document> docs) {
        // a second store on the same database has no followers: as a process that crashed right after its commit
        DocumentStore bare = new DocumentStore(ws.database(), ws.clock());
        bare.write(new Normalized(docs, List.of(), List.of(), List.of()), d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));
    }

    @Test
    void everyCommitDrivesTheIndexAndTheDecisionLogWithoutTheWriterAsking() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            ws.index(); // open before the write, so only the feed can bring it up to date
            ws.documents().write(new Normalized(decisionThreads(2, "postgres"), List.of(), List.of(), List.of()),
                    d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));

            long latest = ws.documents().maxChangeSeq();
            assertThat(ws.index().appliedSeq()).isEqualTo(latest);
            assertThat(ws.decisions().position()).isEqualTo(latest);
            assertThat(ws.decisions().all()).extracting(Decision::text).containsExactlyInAnyOrder("use postgres 0", "use postgres 1");
        }
    }

    @Test
    void aFollowerLeftBehindByACrashCatchesUpFromItsOwnPositionOnTheNextDrive() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, decisionThreads(2, "postgres"));
            long before = ws.decisions().position();

            writeWithoutFollowing(ws, decisionThreads(3, "sqlite"));
            assertThat(ws.decisions().position()).as("nothing followed the crashed writer's commit").isEqualTo(before);
            assertThat(ws.decisions().all()).hasSize(2);

            assertThat(ws.feed().drive()).as("the three new threads, read by both followers").isEqualTo(6);
            long latest = new FollowerPositions(ws.database()).latestCommitted();
            assertThat(ws.decisions().position()).isEqualTo(latest);
            assertThat(ws.index().appliedSeq()).isEqualTo(latest);
            assertThat(ws.decisions().all()).hasSize(5);
            assertThat(ws.feed().drive()).as("idempotent: nothing new, nothing read").isZero();
        }
    }

    @Test
    void aFollowerThatFailsMidwayKeepsItsPositionAndIsRepairedWhileTheOthersFollow() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            AtomicBoolean broken = new AtomicBoolean(true);
            DecisionLog log = ws.decisions();
            List<Long> seen = new ArrayList<>();
            ws.feed().follow(new Follower() {
                @Override
                public String name() {
                    return "flaky";
                }

                @Override
                public int catchUp() {
                    if (broken.get()) throw new IllegalStateException("disk full");
                    seen.add(log.position());
                    return 1;
                }
            });
            TempWorkspace.ingest(ws, decisionThreads(1, "postgres")); // the write itself succeeds
            assertThat(ws.decisions().all()).hasSize(1);

            broken.set(false);
            assertThat(ws.feed().drive()).isEqualTo(1);
            assertThat(seen).containsExactly(ws.documents().maxChangeSeq());
        }
    }

    @Test
    void concurrentDrivesFromTwoStoresOnOneDatabaseNeverDuplicateADecision() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            writeWithoutFollowing(ws, decisionThreads(40, "postgres"));
            // two "nodes" (their own store and log on the one database) and this node's feed, all at once
            List<Callable<Integer>> drives = List.of(
                    () -> new DecisionLog(ws.database(), new DocumentStore(ws.database(), ws.clock()), ws.clock()).catchUp(),
                    () -> new DecisionLog(ws.database(), new DocumentStore(ws.database(), ws.clock()), ws.clock()).catchUp(),
                    () -> ws.feed().drive());
            runTogether(drives);

            List<Decision> all = ws.decisions().all();
            assertThat(all).hasSize(40);
            assertThat(all.stream().map(d -> d.docId() + "/" + d.text()).distinct()).hasSize(40);
        }
    }

    @Test
    void theDecisionsTableRefusesADuplicateOutright() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            DecisionStore store = new DecisionStore(ws.database());
            DecisionStore.Row row = new DecisionStore.Row(0, "slack:thread:C1/1", "use Postgres", null, "Lee", TempWorkspace.NOW);
            store.replace(List.of("slack:thread:C1/1"), List.of(row), TempWorkspace.NOW);
            assertThatThrownBy(() -> store.underFeedLock(() -> {
                store.replace(List.of(), List.of(row), TempWorkspace.NOW);
                return null;
            })).isInstanceOf(DataIntegrityViolationException.class);
            assertThat(store.count()).isEqualTo(1);
        }
    }

    @Test
    void concurrentAsksOnALaggingLogReadItAndNeverWriteADecision() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, decisionThreads(3, "postgres"));
            writeWithoutFollowing(ws, decisionThreads(3, "sqlite")); // the log lags: a crashed writer's commit
            long position = ws.decisions().position();
            Viewer viewer = Viewer.operator();
            List<Callable<Integer>> asks = new ArrayList<>();
            for (int i = 0; i < 4; i++) asks.add(() -> ws.skills().ask().ask("why did we decide to use postgres?", viewer).citations().size());
            runTogether(asks);

            assertThat(ws.decisions().position()).as("asks only read").isEqualTo(position);
            assertThat(ws.decisions().all()).hasSize(3);
            ws.feed().drive();
            assertThat(ws.decisions().all()).hasSize(6);
            assertThat(ws.decisions().all().stream().map(d -> d.docId() + "/" + d.text()).distinct()).hasSize(6);
        }
    }

    private static void runTogether(List<Callable<Integer>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (Callable<Integer> w : work) done.add(pool.submit(() -> {
                start.await();
                return w.call();
            }));
            start.countDown();
            for (Future<Integer> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
