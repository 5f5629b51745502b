package dev.nightjar.connectors.github;

import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import dev.nightjar.connectors.http.RateLimitRule.Headers2;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's throttles, as its REST docs describe them. A 403 or 429 is a throttle when:
 * <ul>
 *   <li>{@code x-ratelimit-remaining: 0} (primary limit): wait until {@code x-ratelimit-reset}, epoch SECONDS;</li>
 *   <li>{@code retry-after} is present (secondary limit): wait that many seconds;</li>
 *   <li>a 429, or a 403 whose message says "secondary rate limit", with neither header: wait at least
 *       60 s, doubling on each consecutive one (60, 120, 240, 480 s), as GitHub asks.</li>
 * </ul>
 * Any other 403 is a permission problem and is not retried (the shared client turns it into an error).
 * The rule sees every response, so a non-throttled one resets the secondary backoff.
 */
final class GitHubRateLimitRule implements RateLimitRule {

    static final Duration SECONDARY_MIN = Duration.ofSeconds(60);
    private static final int MAX_DOUBLINGS = 3;

    private final AtomicInteger consecutiveSecondary = new AtomicInteger();

    @Override
    public Optional<Duration> throttle(ApiResponse response, Instant now) {
        int status = response.status();
        if (status != 403 && status != 429) {
            consecutiveSecondary.set(0);
            return Optional.empty();
        }
        if ("0".equals(trim(response.header("x-ratelimit-remaining")))) {
            // primary limit: the reset is absolute; a missing reset falls back to the client's backoff
            return Optional.of(Headers2.until(response.header("x-ratelimit-reset"), false, now).orElse(Duration.ZERO));
        }
        Optional<Duration> retryAfter = Headers2.seconds(response.header("retry-after"));
        if (retryAfter.isPresent()) return retryAfter;
        if (status == 429 || mentionsSecondaryLimit(response.body())) {
            int n = Math.min(consecutiveSecondary.getAndIncrement(), MAX_DOUBLINGS);
            return Optional.of(SECONDARY_MIN.multipliedBy(1L << n));
        }
        return Optional.empty();
    }

    private static boolean mentionsSecondaryLimit(String body) {
        if (body == null) return false;
        String b = body.toLowerCase(Locale.ROOT);
        return b.contains("secondary rate limit") || b.contains("abuse detection");
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
