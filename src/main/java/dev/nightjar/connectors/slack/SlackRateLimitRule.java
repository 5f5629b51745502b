package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Slack throttles with HTTP 429 and {@code Retry-After} seconds; the Web API can also answer
 * HTTP 200 with {@code {"ok":false,"error":"ratelimited"}}. Both are retried after the wait asked
 * for (or the client's backoff when none is given).
 */
final class SlackRateLimitRule implements RateLimitRule {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<Duration> throttle(ApiResponse response, Instant now) {
        Optional<Duration> asked = Headers2.seconds(response.header("Retry-After"));
        if (response.status() == 429) return Optional.of(asked.orElse(Duration.ZERO));
        if (response.isSuccessful() && response.body() != null && response.body().contains("ratelimited")
                && "ratelimited".equals(error(response.body()))) {
            return Optional.of(asked.orElse(Duration.ZERO));
        }
        return Optional.empty();
    }

    private static String error(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && !node.path("ok").asBoolean(true) ? node.path("error").asText(null) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
