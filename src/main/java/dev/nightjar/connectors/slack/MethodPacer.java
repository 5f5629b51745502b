package dev.nightjar.connectors.slack;

import dev.nightjar.connectors.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces calls to each Web API method so a sync stays inside the method's tier instead of
 * bouncing off 429s (Slack limits per method, per workspace, per app). The intervals are the
 * tiers' documented floors (Tier 2 20+/min, Tier 3 50+/min, Tier 4 100+/min, from
 * {@code rate_limit_tiers.json}); a 429 with {@code Retry-After} is still honoured by the retrying
 * client. Waits go through the injected {@link Sleeper} and {@link Clock}, so tests never wait.
 */
final class MethodPacer {

    static final Duration TIER_2 = Duration.ofSeconds(3);
    static final Duration TIER_3 = Duration.ofMillis(1200);
    static final Duration TIER_4 = Duration.ofMillis(600);

    private static final Map<String, Duration> TIERS = Map.of(
            "conversations.list", TIER_2,
            "users.list", TIER_2,
            "conversations.history", TIER_3,
            "conversations.replies", TIER_3,
            "conversations.members", TIER_4);

    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean enabled;
    private final Map<String, Instant> lastCall = new HashMap<>();

    private MethodPacer(Clock clock, Sleeper sleeper, boolean enabled) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.enabled = enabled;
    }

    static MethodPacer slackTiers(Clock clock, Sleeper sleeper) {
        return new MethodPacer(clock, sleeper, true);
    }

    static MethodPacer off() {
        return new MethodPacer(Clock.systemUTC(), Sleeper.real(), false);
    }

    /** Waits, if needed, so that {@code method} is not called more often than its tier allows. */
    synchronized void beforeCall(String method) throws InterruptedException {
        if (!enabled) return;
        Duration interval = TIERS.get(method);
        if (interval == null) return;
        Instant previous = lastCall.get(method);
        Instant now = clock.instant();
        if (previous != null) {
            Duration wait = Duration.between(now, previous.plus(interval));
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait);
                now = previous.plus(interval).isAfter(clock.instant()) ? previous.plus(interval) : clock.instant();
            }
        }
        lastCall.put(method, now);
    }
}
