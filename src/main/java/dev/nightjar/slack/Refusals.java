package dev.nightjar.slack;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs requests refused because the Slack workers' queue is full: the first, then every
 * {@link #EVERY}th with the running count. Logging each one was measured to block the request threads
 * (they queued on the console appender for ~0.6 s each during a flood, BENCHMARKS.md figure 7), and a
 * refusal must be acknowledged at once.
 */
final class Refusals {

    static final int EVERY = 100;

    private final Logger log;
    private final AtomicLong count = new AtomicLong();

    Refusals(Logger log) {
        this.log = log;
    }

    /** Counts one refusal of {@code what}; logs on the first and every {@link #EVERY}th. */
    void refused(String what) {
        long n = count.incrementAndGet();
        if (n == 1 || n % EVERY == 0) {
            log.warn("{} refused: every Slack worker is busy and the queue is full ({} refused since start)", what, n);
        }
    }
}
