package dev.nightjar.connectors.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter (so parallel steps do not retry in
 * lockstep). A rate-limit wait the API asks for is honoured up to {@code maxRateLimitWait}; a longer
 * one fails the step, which is restartable, rather than holding the nightly job for hours.
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRateLimitWait) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15));
    }

    /** Backoff before retry number {@code attempt} (1-based) when the API named no wait. */
    public Duration backoff(int attempt) {
        long capMillis = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(capMillis / 2 + ThreadLocalRandom.current().nextLong(capMillis / 2 + 1));
    }
}
