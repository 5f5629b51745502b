package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RetryingHttpClient;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * POSTs GraphQL documents to Linear with the API key and returns {@code data}. Throttles and 5xx are
 * retried by {@link RetryingHttpClient} under {@link LinearRateLimitRule}; any other GraphQL error
 * becomes a {@link ConnectorException} carrying the API's own message. The key is only ever put in
 * the {@code Authorization} header, never in a message or {@link #toString()}.
 */
public final class LinearClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
    private static final String SOURCE = LinearConnectorFactory.SOURCE;

    private final ObjectMapper json = new ObjectMapper();
    private final String endpoint;
    private final String authorization;
    private final RetryingHttpClient http;

    public LinearClient(String endpoint, String token, ConnectorContext context) {
        this.endpoint = endpoint;
        // personal API keys are sent bare; an OAuth token is sent as "Bearer <token>" (NOTES.md)
        this.authorization = token.regionMatches(true, 0, "Bearer ", 0, 7) ? token : token.trim();
        this.http = new RetryingHttpClient(SOURCE, context.http(), new LinearRateLimitRule(), context.retryPolicy(),
                context.sleeper(), new RequestStats(), context.clock());
    }

    public RequestStats stats() {
        return http.stats();
    }

    /** Runs {@code query} with {@code variables} and returns its {@code data} object. */
    public JsonNode query(String query, ObjectNode variables) {
        ObjectNode body = json.createObjectNode();
        body.put("query", query);
        body.set("variables", variables);
        Request request;
        try {
            request = new Request.Builder()
                    .url(endpoint)
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .header("User-Agent", "nightjar")
                    .post(RequestBody.create(json.writeValueAsString(body), JSON_TYPE))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ApiResponse response = http.execute(request);
        JsonNode root;
        try {
            root = json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ConnectorException(SOURCE, "the API answered HTTP " + response.status()
                    + " with a body that is not JSON: " + response.bodySnippet());
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            // partial data with errors is refused too: saving it would silently drop records
            throw new ConnectorException(SOURCE, "GraphQL error: " + messages(errors));
        }
        JsonNode data = root.path("data");
        if (!data.isObject()) {
            throw new ConnectorException(SOURCE, "the API answered without data: " + response.bodySnippet());
        }
        return data;
    }

    private static String messages(JsonNode errors) {
        List<String> out = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = error.path("message").asText("(no message)");
            String code = error.path("extensions").path("code").asText("");
            out.add(code.isEmpty() ? message : message + " (" + code + ")");
        }
        return String.join("; ", out);
    }

    @Override
    public String toString() {
        return "LinearClient[" + endpoint + "]";
    }
}
