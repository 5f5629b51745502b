package dev.nightjar.jobs;

import dev.nightjar.feed.ChangeFeed;
import dev.nightjar.store.PeopleStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.TaskUtils;

/**
 * Drives this node's change feed on a timer, for writes it did not make itself: with an external database
 * the nightly run happens on whichever node Quartz picked, so every other node's index would lag until its
 * next restart. It also drives once at start, which repairs a follower left behind by a crash between a
 * store commit and its follow. A drive with nothing new costs one indexed query on {@code change_seq} per
 * follower. At the same cadence it looks for accounts another node wrote ({@link PeopleStore#noticeOtherWriters}),
 * so this node's people directory re-joins at most this late after another node's sync, and never queries
 * for it on a name lookup.
 *
 * <p>A tick that fails (the external database briefly unreachable, an error thrown by a follower) is
 * logged in one line and the next tick runs as usual: a {@link ScheduledExecutorService} cancels a periodic
 * task for good once it throws anything, which would stop this node from ever indexing another node's
 * writes again, and nothing would say so.
 */
final class FeedTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedTimer.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightjar-change-feed");
        t.setDaemon(true);
        return t;
    });
    private final IntSupplier drive;
    private final Runnable noticeAccounts;

    FeedTimer(ChangeFeed feed, PeopleStore people) {
        this(feed::drive, people::noticeOtherWriters, EVERY);
    }

    /**
     * @param drive          drives the followers, returning how many store changes they read
     * @param noticeAccounts looks for accounts other nodes wrote
     * @param every          the delay between the end of one tick and the start of the next
     */
    FeedTimer(IntSupplier drive, Runnable noticeAccounts, Duration every) {
        this.drive = drive;
        this.noticeAccounts = noticeAccounts;
        // the decorator catches every Throwable of a tick, so the executor never sees one and never cancels the task
        timer.scheduleWithFixedDelay(TaskUtils.decorateTaskWithErrorHandler(this::tick, this::tickFailed, true),
                0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick: drive the feed, then look for other nodes' accounts; a failure of either does not skip the other. */
    void tick() {
        try {
            drive(drive);
        } catch (RuntimeException e) {
            log.warn("change feed: could not drive the followers (the next tick, in {} s, tries again): {}", EVERY.toSeconds(), e.getMessage());
            log.debug("change feed tick failure", e);
        }
        try {
            noticeAccounts.run();
        } catch (RuntimeException e) {
            // the store may be briefly unreachable (external database); the next tick looks again
            log.warn("could not look for other nodes' account changes: {}", e.getMessage());
            log.debug("account notice failure", e);
        }
    }

    /** What escaped {@link #tick} (an Error): one line, and the schedule goes on. */
    private void tickFailed(Throwable t) {
        if (timer.isShutdown()) return; // stopping: an interrupted tick is not news
        log.error("change feed tick failed (the next tick runs as usual): {}", t.toString());
        log.debug("change feed tick failure", t);
    }

    /** One drive; returns how many store changes the followers read (0 when all were current). */
    static int drive(ChangeFeed feed) {
        return drive(feed::drive);
    }

    private static int drive(IntSupplier drive) {
        int read = drive.getAsInt(); // a failing follower is logged by the feed and retried on the next tick
        if (read > 0) log.info("change feed: followers took in {} change(s) from the store", read);
        return read;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
