package dev.nightjar.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The clock of tests that run against real time (child JVMs, signed requests, live sandboxes).
 *
 * <p>{@code -Dnightjar.test.clock-offset=P365D} (an ISO-8601 duration; {@code scripts/test-a-year-ahead}
 * sets it) moves this clock ahead of the system's: code under test that reads the system time instead of
 * the injected clock then disagrees with its fixtures and the test fails. That is how the suite shows
 * it passes on any date, not only on the day it was written.
 */
public final class TestClocks {

    /** The system property holding the offset, e.g. {@code P365D}; unset means no offset. */
    public static final String OFFSET_PROPERTY = "nightjar.test.clock-offset";

    private TestClocks() {
    }

    /** UTC system time moved by the configured offset. */
    public static Clock system() {
        String offset = System.getProperty(OFFSET_PROPERTY, "").trim();
        return offset.isEmpty() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), Duration.parse(offset));
    }

    /** {@link #system()}'s now. */
    public static Instant now() {
        return system().instant();
    }
}
