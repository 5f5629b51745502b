package dev.nightjar.connectors.http;

import dev.nightjar.connectors.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Client-side token bucket (GCRA form): on average {@code ratePerSecond} requests, with bursts of up
 * to {@code burst}. Notion asks integrations to stay near three requests per second; pacing ourselves
 * means a nightly sync of a large workspace rarely sees a 429 at all.
 * Clock and sleeper are injected so tests see the waits without waiting.
 */
public final class RequestPacer {

    private final Duration interval;
    private final Duration burstTolerance;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant theoreticalArrival;

    public RequestPacer(double ratePerSecond, int burst, Clock clock, Sleeper sleeper) {
        this.interval = Duration.ofNanos((long) (1_000_000_000L / ratePerSecond));
        this.burstTolerance = interval.multipliedBy(Math.max(0, burst - 1));
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until the next request may be sent. */
    public synchronized void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (theoreticalArrival == null || theoreticalArrival.isBefore(now)) theoreticalArrival = now;
        Instant allowedAt = theoreticalArrival.minus(burstTolerance);
        if (allowedAt.isAfter(now)) {
            sleeper.sleep(Duration.between(now, allowedAt));
        }
        theoreticalArrival = theoreticalArrival.plus(interval);
    }
}
