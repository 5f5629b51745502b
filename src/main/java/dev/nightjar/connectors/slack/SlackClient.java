package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RetryingHttpClient;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Calls Slack Web API methods over plain OkHttp through the shared {@link RetryingHttpClient}.
 *
 * <p>Why not the official {@code slack-api-client}: it brings its own retry, rate-limit queue and
 * metrics, and makes extra {@code auth.test} calls, none of which would go through the shared
 * retry policy, sleeper and request counters the job reports; the five read methods used here are
 * plain GETs with a cursor, so a thin client is smaller than the SDK's configuration would be.
 *
 * <p>The token goes only into the {@code Authorization} header, never into URLs or messages. A
 * Web API error arrives as HTTP 200 with {@code {"ok":false,"error":"..."}} and becomes a
 * {@link ConnectorException} naming the method and the error ({@code ratelimited} is retried by
 * {@link SlackRateLimitRule} before it gets here).
 */
final class SlackClient {

    static final String SOURCE = "slack";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpUrl baseUrl;
    private final String token;
    private final RetryingHttpClient http;
    private final MethodPacer pacer;

    SlackClient(String baseUrl, String token, RetryingHttpClient http, MethodPacer pacer) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) throw new ConnectorException(SOURCE, "base-url is not a URL: " + baseUrl);
        this.baseUrl = parsed;
        this.token = token;
        this.http = http;
        this.pacer = pacer;
    }

    /** One call; returns the parsed body of an {@code ok:true} answer. */
    JsonNode call(String method, Map<String, String> params) {
        HttpUrl.Builder url = baseUrl.newBuilder().addPathSegment(method);
        params.forEach((k, v) -> {
            if (v != null) url.addQueryParameter(k, v);
        });
        Request request = new Request.Builder().url(url.build()).get()
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        try {
            pacer.beforeCall(method);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(SOURCE, method + " interrupted while pacing");
        }
        ApiResponse response = http.execute(request);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(SOURCE, method + " returned a body that is not JSON: " + response.bodySnippet());
        }
        if (body == null || !body.isObject()) {
            throw new ConnectorException(SOURCE, method + " returned an empty or non-object body");
        }
        if (!body.path("ok").asBoolean(false)) {
            throw new SlackApiException(method, body.path("error").asText("unknown_error"), body.path("needed").asText(""));
        }
        return body;
    }

    /**
     * Walks every page of a cursor-paginated method, handing each page's body to {@code pageConsumer}.
     * Slack's next-page pointer is {@code response_metadata.next_cursor}; empty or absent means done.
     */
    int callAllPages(String method, Map<String, String> params, Consumer<JsonNode> pageConsumer) {
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> withCursor = new java.util.LinkedHashMap<>(params);
            if (cursor != null) withCursor.put("cursor", cursor);
            JsonNode body = call(method, withCursor);
            pages++;
            pageConsumer.accept(body);
            cursor = nextCursor(body);
        } while (cursor != null);
        return pages;
    }

    /** {@code response_metadata.next_cursor}, or null on the last page. */
    static String nextCursor(JsonNode body) {
        String next = body.path("response_metadata").path("next_cursor").asText("");
        return next.isBlank() ? null : next;
    }

    /** A Web API {@code ok:false} answer; {@link #error()} lets callers handle e.g. {@code thread_not_found}. */
    static final class SlackApiException extends ConnectorException {
        private final String error;

        SlackApiException(String method, String error, String needed) {
            super(SOURCE, method + " failed: " + error + hint(error, needed));
            this.error = error;
        }

        String error() {
            return error;
        }

        private static String hint(String error, String needed) {
            return switch (error) {
                case "not_in_channel" -> " (invite the app to the channel: /invite @<app>)";
                case "channel_not_found" -> " (the channel does not exist or the app cannot see it)";
                case "invalid_auth", "not_authed", "token_revoked", "account_inactive" ->
                        " (check the bot token in the variable named by token-env in connectors/slack.yml)";
                case "not_allowed_token_type" ->
                        " (this method refuses this kind of token; a user token with channels:history and groups:history works)";
                case "missing_scope" -> " (the token lacks the scope " + (needed.isBlank() ? "needed" : needed) + ")";
                default -> "";
            };
        }
    }
}
