package dev.nightjar.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.testing.TestDatabases;
import dev.nightjar.testing.TestDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes sharing one database each keep their own index on the store's change feed. */
class FeedTimerTest {

    @TempDir
    Path tmp;

    @Test
    void aLateNodeCatchesUpOnStartAndFollowsLaterRunsOfAnotherNode() throws Exception {
        assumeTrue(TestDatabases.postgres(), "nodes share an external database: runs in the PostgreSQL execution");
        Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);
        ConfigDir config = new ConfigDir(Files.createDirectories(tmp.resolve("config")));
        Environment shared = Environment.of(TestDatabases.env(tmp.resolve("node-a"), Map.of()));
        try (Workspace a = new Workspace(tmp.resolve("node-a"), config, shared, clock)) {
            TempWorkspace.ingest(a, List.of(TestDocs.doc("linear:issue:ENG-1", "Billing migration cutover", "plan", TempWorkspace.NOW),
                    TestDocs.doc("linear:issue:ENG-2", "Ledger export", "csv", TempWorkspace.NOW)));
            try (Workspace b = new Workspace(tmp.resolve("node-b"), config, shared, clock)) {
                assertThat(b.index().documentCount()).as("a node joining late catches up on start").isEqualTo(2);

                // node A's next run writes; node B's follower picks it up without a restart
                TempWorkspace.ingest(a, List.of(TestDocs.doc("linear:issue:ENG-3", "Billing migration rollback", "runbook", TempWorkspace.NOW)));
                assertThat(FeedTimer.drive(b.feed())).isEqualTo(1);
                assertThat(FeedTimer.drive(b.feed())).as("nothing new: nothing applied").isZero();
                assertThat(ids(b)).isEqualTo(ids(a)).contains("linear:issue:ENG-1", "linear:issue:ENG-3");
            }
        }
    }

    @Test
    void aTickWhoseDriveThrowsStillLooksForAccountsAndDoesNotThrow() {
        AtomicInteger noticed = new AtomicInteger();
        // an hour between ticks: only the first scheduled tick and the direct call below run during the test
        try (FeedTimer timer = new FeedTimer(() -> {
            throw new IllegalStateException("connection refused: db.internal:5432");
        }, noticed::incrementAndGet, Duration.ofHours(1))) {
            int before = noticed.get();
            timer.tick();
            assertThat(noticed.get()).as("the account notice ran although the drive failed").isGreaterThan(before);
        }
    }

    @Test
    void theTimerKeepsTickingAfterTicksThatThrow() throws InterruptedException {
        AtomicInteger drives = new AtomicInteger();
        CountDownLatch healthyTicks = new CountDownLatch(2);
        try (FeedTimer ignored = new FeedTimer(() -> {
            int n = drives.incrementAndGet();
            // the external database is unreachable for one tick, then a follower throws an Error: both would end a bare schedule
            if (n == 1) throw new IllegalStateException("connection refused: db.internal:5432");
            if (n == 2) throw new NoClassDefFoundError("org/apache/lucene/Whatever");
            healthyTicks.countDown();
            return 0;
        }, () -> { }, Duration.ofMillis(5))) {
            assertThat(healthyTicks.await(10, TimeUnit.SECONDS)).as("ticks after the failing ones ran (%d drives)", drives.get()).isTrue();
        }
    }

    private static List<String> ids(Workspace ws) {
        return ws.index().search(SearchRequest.of("billing migration", 10)).stream().map(SearchHit::id).toList();
    }
}
