package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's Lucene index on the shared store's change feed. With an external database the
 * nightly run happens on whichever node Quartz picked, so every other node's index would lag until its
 * next restart; instead each node catches up on start and then every {@link #EVERY} (one indexed query
 * on {@code change_seq} when nothing changed), so {@code ask} answers the same on every node shortly
 * after a run ends. On the embedded store the run is always local and indexes as it writes.
 */
final class IndexFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexFollower.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightjar-index-follower");
        t.setDaemon(true);
        return t;
    });

    IndexFollower(Workspace ws) {
        timer.scheduleWithFixedDelay(() -> catchUp(ws), 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One catch-up; returns how many store changes were applied (0 when the index was current). */
    static int catchUp(Workspace ws) {
        try {
            int applied = ws.index().catchUp(ws.documents());
            if (applied > 0) log.info("index caught up with {} change(s) from the shared store", applied);
            return applied;
        } catch (RuntimeException e) {
            log.warn("index catch-up failed, retrying in {} s: {}", EVERY.toSeconds(), e.getMessage());
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
