package dev.nightjar.connectors.http;

import java.time.Duration;

/** Waiting, made replaceable so that tests of rate limiting do not really wait. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) Thread.sleep(duration);
        };
    }
}
