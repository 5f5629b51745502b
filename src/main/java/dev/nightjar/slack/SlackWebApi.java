package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The few Slack Web API methods the app calls, over the app's own {@link SlackHttp} (429 + Retry-After,
 * 5xx, timeouts), at the configured base URL. Writes go as JSON, reads as form
 * posts (Slack's read methods do not accept JSON bodies). An {@code ok:false} answer becomes a
 * {@link SlackApiError} naming the method and Slack's error code; the token never appears in messages.
 */
public class SlackWebApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    private final HttpUrl baseUrl;
    private final Supplier<String> token;
    private final SlackHttp http;

    /** @param token read on each call, so a missing token fails the call (and names the variable), not the start-up */
    public SlackWebApi(String baseUrl, Supplier<String> token, SlackHttp http) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) throw new IllegalArgumentException("Slack base-url is not a URL: " + baseUrl);
        this.baseUrl = parsed;
        this.token = token;
        this.http = http;
    }

    public static final class SlackApiError extends RuntimeException {
        private final String error;

        public SlackApiError(String method, String error) {
            super("Slack " + method + " failed: " + error);
            this.error = error;
        }

        public String error() {
            return error;
        }
    }

    /** {@code chat.postMessage}; returns the posted message's {@code ts}. */
    public String postMessage(Map<String, Object> message) {
        return write("chat.postMessage", message).path("ts").asText(null);
    }

    public JsonNode usersInfo(String userId) {
        return read("users.info", Map.of("user", userId));
    }

    public JsonNode lookupByEmail(String email) {
        return read("users.lookupByEmail", Map.of("email", email));
    }

    public JsonNode conversationsInfo(String channel) {
        return read("conversations.info", Map.of("channel", channel));
    }

    /** Posts to a slash command's or an action's {@code response_url} (no token: the URL is the credential). */
    public void respond(String responseUrl, Map<String, Object> message) {
        HttpUrl url = HttpUrl.parse(responseUrl);
        if (url == null) throw new IllegalArgumentException("response_url is not a URL");
        http.send("response_url", new Request.Builder().url(url).post(RequestBody.create(json(message), JSON_TYPE)).build());
    }

    private JsonNode write(String method, Map<String, Object> body) {
        Request request = new Request.Builder().url(baseUrl.newBuilder().addPathSegment(method).build())
                .header("Authorization", "Bearer " + token.get())
                .post(RequestBody.create(json(body), JSON_TYPE)).build();
        return parse(method, http.send(method, request));
    }

    private JsonNode read(String method, Map<String, String> params) {
        FormBody.Builder form = new FormBody.Builder();
        params.forEach(form::add);
        Request request = new Request.Builder().url(baseUrl.newBuilder().addPathSegment(method).build())
                .header("Authorization", "Bearer " + token.get())
                .post(form.build()).build();
        return parse(method, http.send(method, request));
    }

    private static JsonNode parse(String method, String response) {
        JsonNode body;
        try {
            body = JSON.readTree(response);
        } catch (IOException e) {
            throw new SlackApiError(method, "the answer is not JSON");
        }
        if (body == null || !body.path("ok").asBoolean(false)) {
            throw new SlackApiError(method, body == null ? "empty_body" : body.path("error").asText("unknown_error"));
        }
        return body;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write a Slack message as JSON", e);
        }
    }
}
