package dev.nightjar.connectors.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the paired sleeper "sleeps", so pacing and retries are deterministic. */
public final class TestClock extends Clock {
    private Instant now;
    public final RecordingSleeper recorded = new RecordingSleeper();

    public TestClock(Instant start) {
        this.now = start;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public Sleeper sleeper() {
        return d -> {
            recorded.sleep(d);
            advance(d);
        };
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
