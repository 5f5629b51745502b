package dev.nightjar.connectors.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A source's own rule for recognising a throttled response and how long it asks us to wait. Each API
 * says it differently: GitHub's {@code x-ratelimit-reset} (epoch seconds) on a 403/429, Linear's
 * {@code RATELIMITED} error code with resets in epoch milliseconds, Slack's and Notion's
 * {@code Retry-After} seconds, W&B's {@code RateLimit-Reset} seconds.
 */
@FunctionalInterface
public interface RateLimitRule {

    /**
     * @return empty when the response is not a throttle; otherwise the wait the API asks for
     *         ({@link Duration#ZERO} when it names none, so the client's backoff applies)
     */
    Optional<Duration> throttle(ApiResponse response, Instant now);

    /** 429 with an optional {@code Retry-After} in seconds; the HTTP default every API starts from. */
    static RateLimitRule retryAfter() {
        return (response, now) -> response.status() == 429
                ? Optional.of(Headers2.seconds(response.header("Retry-After")).orElse(Duration.ZERO))
                : Optional.empty();
    }

    /** Small header parsing helpers shared by the rules. */
    final class Headers2 {
        private Headers2() {
        }

        public static Optional<Duration> seconds(String value) {
            if (value == null || value.isBlank()) return Optional.empty();
            try {
                return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** Wait until an epoch instant given in seconds (GitHub) or milliseconds (Linear). */
        public static Optional<Duration> until(String epoch, boolean millis, Instant now) {
            if (epoch == null || epoch.isBlank()) return Optional.empty();
            try {
                long value = Long.parseLong(epoch.trim());
                Instant reset = millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
                Duration wait = Duration.between(now, reset);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }
}
