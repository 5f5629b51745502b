package dev.nightjar.connectors.slack;

import dev.nightjar.connectors.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps calls to each Web API method inside the method's tier instead of bouncing off 429s (Slack
 * limits per method, per workspace, per app). A tier is a per-minute allowance (Tier 2 20+/min, Tier 3
 * 50+/min, Tier 4 100+/min: the documented floors, method → tier from {@code rate_limit_tiers.json}),
 * and Slack's rate-limit page says the tiers "allow bursts". So each method gets a burst of half its
 * minute's allowance at once, and after that one call per interval that spends the other half over a
 * minute (Tier 3: 25 calls straight away, then one every 2.4 s): no rolling minute ever holds more
 * than the tier's floor. A small night (a handful of history and replies calls) therefore never
 * waits; a full sync of a large workspace settles to the tier's pace. This is a GCRA (virtual
 * scheduling) limiter per method. A 429 with {@code Retry-After} is still honoured by the retrying
 * client. Waits go through the injected {@link Sleeper} and {@link Clock}, so tests never wait.
 */
final class MethodPacer {

    /** A tier: calls allowed at once, then the spacing of the rest. */
    record Tier(int burst, Duration interval) {

        /** {@code perMinute} calls a minute: half as a burst, the other half spread over the minute. */
        static Tier perMinute(int perMinute) {
            int burst = perMinute / 2;
            return new Tier(burst, Duration.ofMinutes(1).dividedBy(perMinute - burst));
        }
    }

    static final Tier TIER_2 = Tier.perMinute(20);
    static final Tier TIER_3 = Tier.perMinute(50);
    static final Tier TIER_4 = Tier.perMinute(100);

    private static final Map<String, Tier> TIERS = Map.of(
            "conversations.list", TIER_2,
            "users.list", TIER_2,
            "conversations.history", TIER_3,
            "conversations.replies", TIER_3,
            "conversations.members", TIER_4);

    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean enabled;
    /** Per method, the theoretical time of its next call at the sustained pace (GCRA's "TAT"). */
    private final Map<String, Instant> nextAtPace = new HashMap<>();

    MethodPacer(Clock clock, Sleeper sleeper, boolean enabled) {
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

    /** Waits, if needed, so that {@code method} stays inside its tier's burst and pace. */
    synchronized void beforeCall(String method) throws InterruptedException {
        if (!enabled) return;
        Tier tier = TIERS.get(method);
        if (tier == null) return;
        Instant now = clock.instant();
        Instant tat = nextAtPace.getOrDefault(method, now);
        if (tat.isBefore(now)) tat = now;
        // a call is allowed while the schedule runs at most (burst - 1) intervals ahead of now
        Instant allowedAt = tat.minus(tier.interval().multipliedBy(tier.burst() - 1L));
        if (allowedAt.isAfter(now)) {
            sleeper.sleep(Duration.between(now, allowedAt));
            Instant after = clock.instant();
            if (after.isAfter(tat)) tat = after;
        }
        nextAtPace.put(method, tat.plus(tier.interval()));
    }
}
