package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.Document;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.testing.TestDatabases;
import dev.nightjar.testing.TestDocs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers with their own {@link DocumentStore} on one database (two nodes on PostgreSQL; a CLI next to
 * `serve` on H2) hand out {@code change_seq} values that never collide, so every follower of the change
 * feed sees every change exactly once.
 */
class ChangeFeedAcrossNodesTest {

    @TempDir
    Path tmp;

    @Test
    void twoWritersOnOneDatabaseNeverShareAChangeSequence() throws Exception {
        int batches = 25, perBatch = 4;
        try (Workspace first = TempWorkspace.open(tmp);
             Workspace second = new Workspace(tmp.resolve("data"), new ConfigDir(tmp.resolve("config")),
                     Environment.of(TestDatabases.env(tmp.resolve("data"), Map.of())), first.clock())) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (Workspace node : List.of(first, second)) {
                String name = node == first ? "a" : "b";
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int b = 0; b < batches; b++) {
                        List<Document> docs = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            docs.add(TestDocs.doc("linear:issue:" + name.toUpperCase() + "-" + (b * perBatch + i), "Issue " + b + "/" + i,
                                    "body", TempWorkspace.NOW));
                        }
                        node.documents().write(new Normalized(docs, List.of(), List.of(), List.of()),
                                d -> node.truthPolicy().assess(d, Optional.empty(), TempWorkspace.NOW));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> w : writers) w.get(5, TimeUnit.MINUTES);
            pool.shutdown();

            List<Long> seqs = first.database().jdbc().queryForList("SELECT change_seq FROM documents", Long.class);
            assertThat(seqs).hasSize(2 * batches * perBatch).doesNotHaveDuplicates();
            // a follower reading the feed in order from zero gets every document once
            java.util.Set<String> fed = new java.util.HashSet<>();
            first.documents().forEachChangedAfter(0, d -> assertThat(fed.add(d.id())).as("fed once: " + d.id()).isTrue());
            assertThat(fed).hasSize(2 * batches * perBatch);
        }
    }
}
