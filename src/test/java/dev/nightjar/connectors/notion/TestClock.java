package dev.nightjar.connectors.notion;

import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the paired sleeper "sleeps", so pacing and retries are deterministic. */
final class TestClock extends Clock {
    private Instant now;
    final RecordingSleeper recorded = new RecordingSleeper();

    TestClock(Instant start) {
        this.now = start;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    Sleeper sleeper() {
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
