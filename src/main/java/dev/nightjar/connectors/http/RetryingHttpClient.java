package dev.nightjar.connectors.http;

import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.RequestStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request with the source's rate-limit rule and bounded retries for throttles, 5xx and
 * network timeouts. Returns 2xx and 304 responses; anything else, or retries exhausted, becomes a
 * {@link ConnectorException} that names the status and the API's own message, never a header (so a
 * token cannot leak into logs). A 4xx about one object (see {@link ObjectAvailability}) becomes the
 * narrower {@link ObjectUnavailableException}, which a stream may read past.
 */
public final class RetryingHttpClient {

    private static final Logger log = LoggerFactory.getLogger(RetryingHttpClient.class);

    private final String source;
    private final OkHttpClient http;
    private final RateLimitRule rateLimitRule;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RequestStats stats;
    private final Clock clock;

    public RetryingHttpClient(String source, OkHttpClient http, RateLimitRule rateLimitRule, RetryPolicy policy,
                              Sleeper sleeper, RequestStats stats, Clock clock) {
        this.source = source;
        this.http = http;
        this.rateLimitRule = rateLimitRule;
        this.policy = policy;
        this.sleeper = sleeper;
        this.stats = stats;
        this.clock = clock;
    }

    public RequestStats stats() {
        return stats;
    }

    public ApiResponse execute(Request request) {
        String what = request.method() + " " + request.url().encodedPath();
        for (int attempt = 0; ; attempt++) {
            ApiResponse response;
            try {
                response = send(request);
            } catch (java.net.UnknownHostException e) {
                // no network, or a wrong base URL: waiting ~30 s through five retries would not change it, and the
                // source's next run (the next night) tries again anyway
                throw new ConnectorException(source, what + " failed: cannot resolve " + request.url().host()
                        + " (no network, or a wrong base URL?)");
            } catch (IOException e) {
                waitBeforeRetry(attempt, Duration.ZERO, what, "network error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
                continue;
            }
            Optional<Duration> throttle = rateLimitRule.throttle(response, clock.instant());
            if (throttle.isPresent()) {
                waitBeforeRetry(attempt, throttle.get(), what, "rate limited (HTTP " + response.status() + ")");
                continue;
            }
            if (response.status() >= 500) {
                waitBeforeRetry(attempt, Duration.ZERO, what, "HTTP " + response.status() + " " + response.bodySnippet());
                continue;
            }
            if (response.isSuccessful() || response.isNotModified()) {
                if (response.isNotModified()) stats.notModified();
                return response;
            }
            String failure = what + " failed: HTTP " + response.status() + " " + response.bodySnippet() + hint(response.status());
            if (ObjectAvailability.concernsOneObject(response)) {
                throw new ObjectUnavailableException(source, response.status(),
                        "HTTP " + response.status() + " " + ObjectAvailability.apiMessage(response), failure);
            }
            throw new ConnectorException(source, failure);
        }
    }

    private ApiResponse send(Request request) throws IOException {
        stats.request();
        try (Response r = http.newCall(request).execute()) {
            ResponseBody body = r.body();
            return new ApiResponse(r.code(), r.headers(), body == null ? "" : body.string());
        }
    }

    private void waitBeforeRetry(int attempt, Duration asked, String what, String reason) {
        if (attempt >= policy.maxRetries()) {
            throw new ConnectorException(source, what + " failed after " + (attempt + 1) + " attempts: " + reason);
        }
        if (asked.compareTo(policy.maxRateLimitWait()) > 0) {
            throw new ConnectorException(source, what + " " + reason + "; the API asks to wait " + asked.toSeconds()
                    + " s, more than the " + policy.maxRateLimitWait().toSeconds() + " s allowed; run sync again later");
        }
        Duration wait = asked.isZero() ? policy.backoff(attempt + 1) : asked.plus(policy.backoff(1).dividedBy(10));
        log.warn("{}: {} {}; retry {}/{} in {} ms", source, what, reason, attempt + 1, policy.maxRetries(), wait.toMillis());
        stats.retry();
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(source, what + " interrupted while waiting to retry");
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> " (the token was rejected: check the token variable named in the connector's token-env)";
            case 403 -> " (the token lacks access to this resource)";
            case 404 -> " (not found: check the names in the connector's configuration)";
            default -> "";
        };
    }
}
