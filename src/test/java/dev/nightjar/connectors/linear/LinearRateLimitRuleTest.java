package dev.nightjar.connectors.linear;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class LinearRateLimitRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final String RATELIMITED = FakeLinear.resource("ratelimited.json");
    private final LinearRateLimitRule rule = new LinearRateLimitRule();

    private static String ms(long offset) {
        return Long.toString(NOW.toEpochMilli() + offset);
    }

    @Test
    void waitsForTheExhaustedBucketsResetInMilliseconds() {
        ApiResponse response = new ApiResponse(400, Headers.of(
                "X-RateLimit-Requests-Remaining", "4000", "X-RateLimit-Requests-Reset", ms(3_000_000),
                "X-RateLimit-Complexity-Remaining", "0", "X-RateLimit-Complexity-Reset", ms(42_000)), RATELIMITED);
        assertThat(rule.throttle(response, NOW)).contains(Duration.ofMillis(42_000));
    }

    @Test
    void withoutRemainingCountsTheLatestResetWins_thenRetryAfter_thenZero() {
        ApiResponse resets = new ApiResponse(200, Headers.of("X-RateLimit-Requests-Reset", ms(1_000),
                "X-RateLimit-Endpoint-Requests-Reset", ms(5_000)), RATELIMITED);
        assertThat(rule.throttle(resets, NOW)).contains(Duration.ofMillis(5_000));
        ApiResponse retryAfter = new ApiResponse(429, Headers.of("Retry-After", "7"), "");
        assertThat(rule.throttle(retryAfter, NOW)).contains(Duration.ofSeconds(7));
        ApiResponse bare = new ApiResponse(400, Headers.of(), RATELIMITED);
        assertThat(rule.throttle(bare, NOW)).contains(Duration.ZERO);
        ApiResponse past = new ApiResponse(400, Headers.of("X-RateLimit-Requests-Reset", ms(-5_000)), RATELIMITED);
        assertThat(rule.throttle(past, NOW)).contains(Duration.ZERO);
    }

    @Test
    void otherErrorsAndDataMentioningTheWordAreNotThrottles() {
        String validation = "{\"errors\":[{\"message\":\"Cannot query field\",\"extensions\":{\"code\":\"GRAPHQL_VALIDATION_FAILED\"}}]}";
        assertThat(rule.throttle(new ApiResponse(400, Headers.of(), validation), NOW)).isEqualTo(Optional.empty());
        String data = "{\"data\":{\"issues\":{\"nodes\":[{\"title\":\"Handle RATELIMITED errors\"}]}}}";
        assertThat(rule.throttle(new ApiResponse(200, Headers.of(), data), NOW)).isEmpty();
        assertThat(rule.throttle(new ApiResponse(503, Headers.of(), "oops"), NOW)).isEmpty();
    }
}
