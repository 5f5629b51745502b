package dev.nightjar.connectors.arxiv;

import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.http.ApiResponse;
import dev.nightjar.connectors.http.RateLimitRule;
import dev.nightjar.connectors.http.RequestPacer;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.RetryingHttpClient;
import dev.nightjar.connectors.http.Sleeper;
import java.io.InterruptedIOException;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * arXiv's query API: {@code GET {base}?search_query=…&start=…&max_results=…&sortBy=lastUpdatedDate&sortOrder=descending}.
 * arXiv asks clients for "no more than one request every three seconds" (API Terms of Use), so every
 * request, retries included, goes through a {@link RequestPacer} at one per three seconds with no burst.
 * No authentication. A malformed feed or arXiv's in-band error entry becomes a {@link ConnectorException}.
 */
public final class ArxivClient {

    static final String SOURCE = "arxiv";
    /** arXiv's Terms of Use: at most one request every 3 seconds. */
    static final double REQUESTS_PER_SECOND = 1.0 / 3.0;

    private final HttpUrl endpoint;
    private final RetryingHttpClient http;

    public ArxivClient(String baseUrl, OkHttpClient okHttp, RetryPolicy policy, Sleeper sleeper, Clock clock, RequestStats stats) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) throw new IllegalArgumentException("arxiv: base-url is not a URL: " + baseUrl);
        this.endpoint = parsed;
        RequestPacer pacer = new RequestPacer(REQUESTS_PER_SECOND, 1, clock, sleeper);
        // an application interceptor runs once per attempt, so retries are paced too
        OkHttpClient client = okHttp.newBuilder().addInterceptor(chain -> {
            try {
                pacer.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing arXiv requests");
            }
            return chain.proceed(chain.request());
        }).build();
        this.http = new RetryingHttpClient(SOURCE, client, RateLimitRule.retryAfter(), policy, sleeper, stats, clock);
    }

    /**
     * One slice of the most recently updated papers matching {@code searchQuery}, starting at offset
     * {@code start}. Sorted by last update, not submission: a new version (v2) of a paper submitted long
     * ago comes first again, so it is re-read and re-matched.
     */
    AtomFeed page(String searchQuery, int start, int maxResults) {
        HttpUrl url = endpoint.newBuilder()
                .addQueryParameter("search_query", searchQuery)
                .addQueryParameter("start", Integer.toString(start))
                .addQueryParameter("max_results", Integer.toString(maxResults))
                .addQueryParameter("sortBy", "lastUpdatedDate")
                .addQueryParameter("sortOrder", "descending")
                .build();
        ApiResponse response = http.execute(new Request.Builder().url(url).header("Accept", "application/atom+xml").get().build());
        AtomFeed feed;
        try {
            feed = AtomFeed.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(SOURCE, "GET " + url.encodedPath() + " (start " + start + ") returned an unreadable Atom feed: "
                    + e.getMessage());
        }
        if (feed.error() != null) {
            throw new ConnectorException(SOURCE, "arXiv refused the query " + searchQuery + ": " + feed.error()
                    + " (check categories and terms in connectors/arxiv.yml)");
        }
        return feed;
    }

    @Override
    public String toString() {
        return "ArxivClient[" + endpoint + "]";
    }
}
