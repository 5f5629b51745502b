package dev.nightjar.connectors.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.RetryingHttpClient;
import dev.nightjar.connectors.http.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * W&B GraphQL: {@code POST {base}/graphql} with HTTP Basic auth {@code api:<key>} (as the SDK sends).
 * Throttles are 429 with {@code RateLimit-Reset} (seconds; what wandb-core reads) or {@code Retry-After}.
 * A GraphQL {@code errors} array becomes a {@link ConnectorException} carrying the API's messages.
 */
public final class WandbClient {

    static final String SOURCE = "wandb";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    static final RateLimitRule RATE_LIMIT_RULE = (response, now) -> {
        if (response.status() != 429) return Optional.empty();
        return Optional.of(RateLimitRule.Headers2.seconds(response.header("RateLimit-Reset"))
                .or(() -> RateLimitRule.Headers2.seconds(response.header("Retry-After")))
                .orElse(Duration.ZERO));
    };

    private final String endpoint;
    private final String authorization;
    private final RetryingHttpClient http;

    public WandbClient(String baseUrl, String apiKey, OkHttpClient okHttp, RetryPolicy policy, Sleeper sleeper,
                       Clock clock, RequestStats stats) {
        this.endpoint = baseUrl + "/graphql";
        this.authorization = Credentials.basic("api", apiKey, StandardCharsets.UTF_8);
        this.http = new RetryingHttpClient(SOURCE, okHttp, RATE_LIMIT_RULE, policy, sleeper, stats, clock);
    }

    /** Runs {@code query} with {@code variables}; returns {@code data}. */
    public JsonNode query(String query, ObjectNode variables) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        Request request = new Request.Builder().url(endpoint)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        ApiResponse response = http.execute(request);
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(SOURCE, "POST /graphql returned non-JSON: " + response.bodySnippet());
        }
        JsonNode errors = json.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            errors.forEach(e -> messages.add(e.path("message").asText(e.toString())));
            throw new ConnectorException(SOURCE, "GraphQL error: " + String.join("; ", messages));
        }
        return json.path("data");
    }

    @Override
    public String toString() {
        return "WandbClient[" + endpoint + "]";
    }
}
