package dev.nightjar.slack;

import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app's own HTTP client for the Web API and {@code response_url}s: OkHttp with the retry rule
 * of Slack's Web API (docs.slack.dev "Rate limits": a throttled call answers HTTP 429 with
 * {@code Retry-After} in seconds). 429, 5xx and network errors are retried a few times; the app answers
 * people who are waiting, so a wait longer than {@link Policy#maxWait()} fails the call at once instead of
 * holding a worker. Failures are one {@link SlackWebApi.SlackApiError} line naming the method and status,
 * never a header (the token).
 */
public final class SlackHttp {

    private static final Logger log = LoggerFactory.getLogger(SlackHttp.class);

    /**
     * @param maxRetries retries after the first attempt
     * @param backoff    the first wait when Slack names none; doubled per retry
     * @param maxWait    the longest {@code Retry-After} the app honours
     */
    public record Policy(int maxRetries, Duration backoff, Duration maxWait) {

        /** Three retries from 1 s, and at most 30 s for a {@code Retry-After}: a person is waiting. */
        public static Policy interactive() {
            return new Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    /** How the client waits between attempts (tests pass one that does not sleep). */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;

        static Pause real() {
            return d -> Thread.sleep(d.toMillis());
        }
    }

    private final OkHttpClient http;
    private final Policy policy;
    private final Pause pause;

    public SlackHttp(OkHttpClient http, Policy policy, Pause pause) {
        this.http = http;
        this.policy = policy;
        this.pause = pause;
    }

    /** Sends {@code request} (the Web API's {@code method}, for messages) and returns the 2xx body. */
    public String send(String method, Request request) {
        for (int attempt = 0; ; attempt++) {
            String retry;
            Duration wait = policy.backoff().multipliedBy(1L << Math.min(attempt, 10));
            try (Response r = http.newCall(request).execute()) {
                ResponseBody body = r.body();
                String text = body == null ? "" : body.string();
                if (r.isSuccessful()) return text;
                if (r.code() == 429) {
                    Duration asked = retryAfter(r.header("Retry-After"));
                    if (asked != null && asked.compareTo(policy.maxWait()) > 0) {
                        throw new SlackWebApi.SlackApiError(method, "rate limited for " + asked.toSeconds() + " s");
                    }
                    if (asked != null) wait = asked;
                    retry = "rate limited (HTTP 429)";
                } else if (r.code() >= 500) {
                    retry = "HTTP " + r.code();
                } else {
                    throw new SlackWebApi.SlackApiError(method, "HTTP " + r.code());
                }
            } catch (IOException e) {
                retry = "network error: " + e.getClass().getSimpleName();
            }
            if (attempt >= policy.maxRetries()) {
                throw new SlackWebApi.SlackApiError(method, retry + " after " + (attempt + 1) + " attempts");
            }
            log.warn("Slack {}: {}; retry {}/{} in {} ms", method, retry, attempt + 1, policy.maxRetries(), wait.toMillis());
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SlackWebApi.SlackApiError(method, "interrupted while waiting to retry");
            }
        }
    }

    /** {@code Retry-After} in seconds (Slack sends whole seconds); null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
