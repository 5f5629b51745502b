package dev.nightjar.jobs;

import dev.nightjar.feed.ChangeFeed;
import dev.nightjar.store.PeopleStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives this node's change feed on a timer, for writes it did not make itself: with an external database
 * the nightly run happens on whichever node Quartz picked, so every other node's index would lag until its
 * next restart. It also drives once at start, which repairs a follower left behind by a crash between a
 * store commit and its follow. A drive with nothing new costs one indexed query on {@code change_seq} per
 * follower. At the same cadence it looks for accounts another node wrote ({@link PeopleStore#noticeOtherWriters}),
 * so this node's people directory re-joins at most this late after another node's sync, and never queries
 * for it on a name lookup.
 */
final class FeedTimer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedTimer.class);
    static final Duration EVERY = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nightjar-change-feed");
        t.setDaemon(true);
        return t;
    });

    FeedTimer(ChangeFeed feed, PeopleStore people) {
        timer.scheduleWithFixedDelay(() -> {
            drive(feed);
            noticeAccounts(people);
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void noticeAccounts(PeopleStore people) {
        try {
            people.noticeOtherWriters();
        } catch (RuntimeException e) {
            // the store may be briefly unreachable (external database); the next tick looks again
            log.warn("could not look for other nodes' account changes: {}", e.getMessage());
        }
    }

    /** One drive; returns how many store changes the followers read (0 when all were current). */
    static int drive(ChangeFeed feed) {
        int read = feed.drive(); // a failing follower is logged by the feed and retried on the next tick
        if (read > 0) log.info("change feed: followers took in {} change(s) from the store", read);
        return read;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
