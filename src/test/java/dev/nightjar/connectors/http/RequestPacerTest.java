package dev.nightjar.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestPacerTest {

    @Test
    void allowsABurstThenAboutThreeRequestsPerSecond() throws InterruptedException {
        TestClock clock = new TestClock(Instant.parse("2026-07-04T09:00:00Z"));
        RequestPacer pacer = new RequestPacer(3.0, 3, clock, clock.sleeper());
        for (int i = 0; i < 12; i++) pacer.acquire();

        // 3 at once, then one every third of a second: 12 requests take 3 s
        assertThat(clock.recorded.waits()).hasSize(9)
                .allSatisfy(w -> assertThat(w.toMillis()).isBetween(332L, 334L));
        assertThat(clock.instant()).isBetween(Instant.parse("2026-07-04T09:00:02.990Z"), Instant.parse("2026-07-04T09:00:03.001Z"));
    }

    @Test
    void anIdleClientGetsItsBurstBack() throws InterruptedException {
        TestClock clock = new TestClock(Instant.parse("2026-07-04T09:00:00Z"));
        RequestPacer pacer = new RequestPacer(3.0, 3, clock, clock.sleeper());
        for (int i = 0; i < 3; i++) pacer.acquire();
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 3; i++) pacer.acquire();
        assertThat(clock.recorded.waits()).isEmpty();
    }
}
