package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.http.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MethodPacerTest {

    @Test
    void spacesCallsOfOneMethodByItsTier() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T00:00:00Z"));
        RecordingSleeper sleeper = new RecordingSleeper();
        MethodPacer pacer = MethodPacer.slackTiers(clock, sleeper);

        pacer.beforeCall("conversations.history");          // first call: no wait
        pacer.beforeCall("conversations.replies");          // another method has its own budget
        clock.advance(Duration.ofMillis(200));
        pacer.beforeCall("conversations.history");          // Tier 3: 1.2 s apart
        clock.advance(Duration.ofSeconds(5));
        pacer.beforeCall("conversations.history");          // enough time passed: no wait
        pacer.beforeCall("users.list");
        pacer.beforeCall("users.list");                     // Tier 2: 3 s apart
        pacer.beforeCall("auth.test");
        pacer.beforeCall("auth.test");                      // not paced

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1000), Duration.ofSeconds(3));
    }

    @Test
    void offNeverWaits() throws Exception {
        MethodPacer pacer = MethodPacer.off();
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) pacer.beforeCall("conversations.history");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
}
