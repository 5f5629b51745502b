package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RetryingHttpClient;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * GitHub REST over plain OkHttp and the shared {@link RetryingHttpClient}: auth and version headers,
 * conditional GETs, {@code Link} pagination and GitHub's own rate-limit rule.
 *
 * <p><b>Why not {@code org.kohsuke:github-api} 2.0-rc.6</b> (evaluated against its public API): its
 * {@code PagedIterator} hides the next-page URL, so a walk cannot be resumed at page N+1 from a stored
 * cursor; its {@code GH*} objects do not keep the response JSON, which {@code rawJson} needs;
 * {@code GHRepository} has no repo-wide {@code /issues/comments?since=} or {@code /pulls/comments?since=}
 * listing; and with an OkHttp {@code Cache} a 304 is turned back into the cached 200, so an unchanged
 * repository would yield every record again and a 304 could not be counted. Its rate-limit handlers
 * could be made testable, but one HTTP stack with one rule and one set of counters is simpler than two.
 *
 * <p>The token is only ever put in the {@code Authorization} header; it is not in {@link #toString()},
 * and {@code Link} URLs on another host are refused so it cannot be sent elsewhere.
 */
final class GitHubClient {

    static final String ACCEPT = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";
    static final int PAGE_SIZE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");

    private final HttpUrl base;
    private final String token;
    private final RetryingHttpClient http;

    GitHubClient(String baseUrl, String token, RetryingHttpClient http) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) throw new ConnectorException(GitHubConnector.SOURCE, "base-url is not a URL: " + baseUrl);
        this.base = parsed;
        this.token = token;
        this.http = http;
    }

    static GitHubClient create(String baseUrl, String token, ConnectorContext context) {
        RetryingHttpClient http = new RetryingHttpClient(GitHubConnector.SOURCE, context.http(), new GitHubRateLimitRule(),
                context.retryPolicy(), context.sleeper(), new RequestStats(), context.clock());
        return new GitHubClient(baseUrl, token, http);
    }

    RequestStats stats() {
        return http.stats();
    }

    /** {@code path} (with its query) under the base URL, e.g. {@code /repos/acme/api/pulls?state=all}. */
    String url(String pathAndQuery) {
        String b = base.toString();
        return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery;
    }

    /**
     * GET {@code url}; with {@code etag} non-null the request is conditional and may come back 304
     * (which GitHub does not count against the rate limit).
     */
    ApiResponse get(String url, String etag) {
        HttpUrl target = HttpUrl.parse(url);
        if (target == null || !sameOrigin(target)) {
            throw new ConnectorException(GitHubConnector.SOURCE, "refusing to follow a URL outside " + origin() + ": " + url);
        }
        Request.Builder request = new Request.Builder().url(target).get()
                .header("Accept", ACCEPT)
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "nightjar");
        if (etag != null && !etag.isBlank()) request.header("If-None-Match", etag);
        return http.execute(request.build());
    }

    /** The {@code rel="next"} URL of the {@code Link} header, exactly as GitHub gives it. */
    static Optional<String> nextLink(ApiResponse response) {
        String link = response.header("Link");
        if (link == null) return Optional.empty();
        Matcher m = LINK.matcher(link);
        while (m.find()) {
            for (String rel : m.group(2).trim().split("\\s+")) {
                if (rel.equals("next")) return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The body as a JSON array (every list endpoint we read returns one). */
    static JsonNode array(ApiResponse response, String url) {
        try {
            JsonNode node = JSON.readTree(response.body());
            if (node == null || !node.isArray()) {
                throw new ConnectorException(GitHubConnector.SOURCE, "expected a JSON array from " + pathOf(url)
                        + " but got: " + response.bodySnippet());
            }
            return node;
        } catch (IOException e) {
            throw new ConnectorException(GitHubConnector.SOURCE, "unreadable JSON from " + pathOf(url) + ": " + e.getMessage());
        }
    }

    private static String pathOf(String url) {
        HttpUrl u = HttpUrl.parse(url);
        return u == null ? url : u.encodedPath();
    }

    private boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port();
    }

    private String origin() {
        return base.scheme() + "://" + base.host() + ":" + base.port();
    }

    @Override
    public String toString() {
        return "GitHubClient[" + origin() + "]";
    }
}
