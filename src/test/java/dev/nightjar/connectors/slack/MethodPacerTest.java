package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.http.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
    /** Records each wait and moves the clock by it, as a real sleep would. */
    private final ClockSleeper sleeper = new ClockSleeper();

    private final class ClockSleeper implements Sleeper {
        private final List<Duration> waits = new ArrayList<>();

        @Override
        public void sleep(Duration d) {
            waits.add(d);
            clock.advance(d);
        }

        List<Duration> waits() {
            return List.copyOf(waits);
        }
    }

    @Test
    void aTiersBurstGoesOutAtOnceThenCallsArePaced() throws Exception {
        MethodPacer pacer = MethodPacer.slackTiers(clock, sleeper);

        for (int i = 0; i < 25; i++) pacer.beforeCall("conversations.history"); // Tier 3: a burst of 25
        assertThat(sleeper.waits()).isEmpty();
        pacer.beforeCall("conversations.replies");          // another method has its own budget
        assertThat(sleeper.waits()).isEmpty();
        pacer.beforeCall("conversations.history");          // the 26th waits for the pace: 60 s / 25 = 2.4 s
        pacer.beforeCall("conversations.history");
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(2400), Duration.ofMillis(2400));
    }

    @Test
    void noRollingMinuteHoldsMoreThanTheTiersFloor() throws Exception {
        MethodPacer pacer = MethodPacer.slackTiers(clock, sleeper);
        List<Instant> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pacer.beforeCall("conversations.replies");
            calls.add(clock.instant());
        }
        for (int i = 0; i + 50 < calls.size(); i++) {
            // the 51st call after any call is at least a minute later: at most 50 in any minute (Tier 3)
            assertThat(Duration.between(calls.get(i), calls.get(i + 50))).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void idleTimeRefillsTheBurstAndUnknownMethodsAreNotPaced() throws Exception {
        MethodPacer pacer = MethodPacer.slackTiers(clock, sleeper);
        for (int i = 0; i < 11; i++) pacer.beforeCall("users.list");  // Tier 2: burst 10, then 6 s apart
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(6));
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) pacer.beforeCall("users.list");  // a quiet spell earns the whole burst back
        for (int i = 0; i < 100; i++) pacer.beforeCall("auth.test");  // no tier: never paced
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void offNeverWaits() throws Exception {
        MethodPacer pacer = new MethodPacer(clock, sleeper, false);
        for (int i = 0; i < 100; i++) pacer.beforeCall("conversations.history");
        assertThat(sleeper.waits()).isEmpty();
    }
}
