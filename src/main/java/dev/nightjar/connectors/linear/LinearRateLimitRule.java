package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Linear's throttle: a GraphQL error with {@code extensions.code = RATELIMITED}. Third-party reports
 * disagree on the HTTP status (400, 200 or 429), so the body decides, and a bare 429 counts too.
 * The wait comes from the {@code X-RateLimit-*-Reset} headers, which are epoch MILLISECONDS:
 * the reset of the bucket that is exhausted (remaining ≤ 0), else the latest reset given, else
 * {@code Retry-After}, else zero (the client then backs off on its own).
 */
final class LinearRateLimitRule implements RateLimitRule {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Buckets Linear reports: requests per hour, complexity points per hour, per-endpoint requests. */
    private static final List<String> BUCKETS = List.of("X-RateLimit-Requests", "X-RateLimit-Complexity",
            "X-RateLimit-Endpoint-Requests");

    @Override
    public Optional<Duration> throttle(ApiResponse response, Instant now) {
        if (response.status() != 429 && !isRateLimitedBody(response.body())) return Optional.empty();
        return Optional.of(resetWait(response, now)
                .or(() -> RateLimitRule.Headers2.seconds(response.header("Retry-After")))
                .orElse(Duration.ZERO));
    }

    static boolean isRateLimitedBody(String body) {
        // cheap pre-check: most responses are large pages of data that cannot be throttles
        if (body == null || !body.contains("RATELIMITED") && !body.contains("atelimited")) {
            return false;
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            for (JsonNode error : errors) {
                JsonNode ext = error.path("extensions");
                if ("RATELIMITED".equalsIgnoreCase(ext.path("code").asText())
                        || "ratelimited".equalsIgnoreCase(ext.path("type").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Duration> resetWait(ApiResponse response, Instant now) {
        List<Duration> exhausted = new ArrayList<>();
        List<Duration> any = new ArrayList<>();
        for (String bucket : BUCKETS) {
            Optional<Duration> wait = RateLimitRule.Headers2.until(response.header(bucket + "-Reset"), true, now);
            if (wait.isEmpty()) continue;
            any.add(wait.get());
            if (remaining(response.header(bucket + "-Remaining")) <= 0) exhausted.add(wait.get());
        }
        List<Duration> pick = exhausted.isEmpty() ? any : exhausted;
        return pick.stream().max(Duration::compareTo);
    }

    private static double remaining(String value) {
        if (value == null || value.isBlank()) return Double.MAX_VALUE;
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }
}
