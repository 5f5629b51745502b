package dev.nightjar.store.ledgers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnswerLogTest {

    @TempDir
    Path tmp;

    @Test
    void answersRecordedAtTheSameTimeEachGetTheirOwnCommittedRowAndARefusedOneFailsAlone() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            AnswerLog log = new AnswerLog(ws.database(), ws.clock());
            ExecutorService workers = Executors.newFixedThreadPool(8);
            CountDownLatch start = new CountDownLatch(1);
            Set<Long> ids = ConcurrentHashMap.newKeySet();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                done.add(workers.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        if (worker == 3 && i == 10) {
                            // NOT NULL channel: this one is refused, the answers written with it are not
                            assertThatThrownBy(() -> log.record(null, null, "U3", "bad", List.of())).isInstanceOf(RuntimeException.class);
                            continue;
                        }
                        ids.add(log.record("C1", null, "U" + worker, "question " + worker + "-" + i, List.of("linear:issue:RNK-" + i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
            workers.shutdown();

            assertThat(ids).hasSize(8 * 25 - 1);
            Integer rows = ws.database().jdbc().queryForObject("SELECT COUNT(*) FROM slack_answers", Integer.class);
            assertThat(rows).isEqualTo(8 * 25 - 1);
            long some = ids.iterator().next();
            String question = ws.database().jdbc().queryForObject("SELECT question FROM slack_answers WHERE id = ?", String.class, some);
            assertThat(question).startsWith("question ");
            assertThat(log.feedback(some, "U9", AnswerLog.Verdict.USEFUL)).isTrue();
        }
    }
}
