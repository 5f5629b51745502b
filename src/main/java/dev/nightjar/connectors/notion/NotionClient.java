package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.RequestPacer;
import dev.nightjar.connectors.http.RetryingHttpClient;
import dev.nightjar.connectors.http.Sleeper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notion REST over OkHttp: bearer auth, the Notion-Version header (with a one-time fall back from
 * 2025-09-03 to 2022-06-28 when the server rejects the newer version), client-side pacing at about
 * three requests per second, and Notion's throttle rule for the shared retrying client.
 */
public final class NotionClient {

    static final String SOURCE = "notion";
    private static final Logger log = LoggerFactory.getLogger(NotionClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

    /**
     * 429 {@code rate_limited} and 529 {@code service_overload} carry {@code Retry-After} (seconds);
     * notion-sdk-js retries both. Any status whose error body names one of those codes counts too.
     */
    static final RateLimitRule RATE_LIMIT_RULE = (response, now) -> {
        int status = response.status();
        boolean throttled = status == 429 || status == 529
                || (status >= 400 && (errorCode(response).equals("rate_limited")
                || errorCode(response).equals("service_overload")));
        if (!throttled) return Optional.empty();
        return Optional.of(RateLimitRule.Headers2.seconds(response.header("Retry-After")).orElse(Duration.ZERO));
    };

    private final HttpUrl baseUrl;
    private final RetryingHttpClient http;
    private volatile String versionHeader;
    private volatile NotionVersion dialect;

    public NotionClient(String baseUrl, String token, String versionHeader, OkHttpClient okHttp, RetryPolicy policy,
                        Sleeper sleeper, Clock clock, RequestStats stats, double requestsPerSecond) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) throw new IllegalArgumentException("notion: base-url is not a URL: " + baseUrl);
        this.baseUrl = parsed;
        this.versionHeader = versionHeader;
        this.dialect = NotionVersion.fromHeader(versionHeader);
        RequestPacer pacer = new RequestPacer(requestsPerSecond, (int) Math.max(1, Math.ceil(requestsPerSecond)), clock, sleeper);
        // An application interceptor runs once per call, so every retry of the shared client is paced too.
        OkHttpClient client = okHttp.newBuilder().addInterceptor(chain -> {
            try {
                pacer.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing Notion requests");
            }
            return chain.proceed(chain.request().newBuilder().header("Authorization", "Bearer " + token).build());
        }).build();
        this.http = new RetryingHttpClient(SOURCE, client, RATE_LIMIT_RULE, policy, sleeper, stats, clock);
    }

    /** The dialect in use (may change once, from CURRENT to LEGACY, on the first rejected request). */
    public NotionVersion dialect() {
        return dialect;
    }

    public JsonNode get(String path, Map<String, String> query) {
        return send(v -> {
            HttpUrl.Builder url = url(path);
            query.forEach((k, val) -> { if (val != null) url.addQueryParameter(k, val); });
            return base(url.build()).get().build();
        });
    }

    public JsonNode post(String path, ObjectNode body) {
        return post(v -> path, v -> body);
    }

    /** A POST whose path and body depend on the dialect (data_sources vs databases). */
    public JsonNode post(Function<NotionVersion, String> path, Function<NotionVersion, ObjectNode> body) {
        return send(v -> base(url(path.apply(v)).build())
                .post(RequestBody.create(body.apply(v).toString(), JSON_TYPE)).build());
    }

    private JsonNode send(Function<NotionVersion, Request> request) {
        ApiResponse response;
        try {
            response = http.execute(request.apply(dialect));
        } catch (ConnectorException e) {
            if (dialect != NotionVersion.CURRENT || !rejectsVersion(e)) throw e;
            log.warn("notion: the server rejected Notion-Version {}; falling back to {} (databases)",
                    versionHeader, NotionVersion.LEGACY.header());
            dialect = NotionVersion.LEGACY;
            versionHeader = NotionVersion.LEGACY.header();
            response = http.execute(request.apply(dialect));
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ConnectorException(SOURCE, "response is not JSON: " + response.bodySnippet());
        }
    }

    /**
     * A 400 that names the version, or an unknown URL (an older server without /v1/data_sources),
     * means this server does not speak 2025-09-03.
     */
    static boolean rejectsVersion(ConnectorException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("http 400") && (m.contains("notion-version") || m.contains("invalid_request_url")
                || m.contains("api version"));
    }

    /**
     * Path segments go in as given: Notion's ids are UUIDs or, for page properties, already
     * percent-encoded ({@code Zq%3Fj}), which must not be encoded a second time.
     */
    private HttpUrl.Builder url(String path) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) b.addEncodedPathSegment(segment);
        }
        return b;
    }

    private Request.Builder base(HttpUrl url) {
        return new Request.Builder().url(url).header("Notion-Version", versionHeader)
                .header("Accept", "application/json");
    }

    private static String errorCode(ApiResponse response) {
        String body = response.body();
        if (body == null || !body.contains("\"code\"")) return "";
        try {
            return JSON.readTree(body).path("code").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return "NotionClient[" + baseUrl + ", " + versionHeader + "]";
    }
}
