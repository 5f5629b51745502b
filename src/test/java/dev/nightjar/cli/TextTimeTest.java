package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextTimeTest {

    private final TextTime time = new TextTime(Instant.parse("2026-11-29T20:20:00Z"));

    @Test
    void anInstantIsSaidToTheMinuteInUtcWithItsAge() {
        assertThat(time.say("2026-11-29T17:14:11.317102Z", "never")).isEqualTo("2026-11-29 17:14 UTC, 3 h ago");
        assertThat(time.say("2026-11-29T20:19:59.999Z", "never")).isEqualTo("2026-11-29 20:19 UTC, just now");
        assertThat(time.say("2026-11-29T19:45:00Z", "never")).isEqualTo("2026-11-29 19:45 UTC, 35 min ago");
        assertThat(time.say("2026-11-28T00:00:00Z", "never")).isEqualTo("2026-11-28 00:00 UTC, 44 h ago");
        assertThat(time.say("2026-11-20T20:20:00Z", "never")).isEqualTo("2026-11-20 20:20 UTC, 9 days ago");
    }

    @Test
    void absentFutureAndUnparsableTimesStillReadSensibly() {
        assertThat(time.say(null, "never")).isEqualTo("never");
        assertThat(time.say("2026-11-29T21:00:00Z", "never")).isEqualTo("2026-11-29 21:00 UTC, in the future");
        assertThat(time.say("yesterday-ish", "never")).isEqualTo("yesterday-ish");
    }
}
