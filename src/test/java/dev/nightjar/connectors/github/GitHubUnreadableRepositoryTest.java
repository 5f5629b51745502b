package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.Unreadable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One repository's "not available here" (an empty repository's 409 on /commits, issues disabled 410,
 * one PR's reviews gone 404) is reported as unreadable and the rest of the source is read.
 */
class GitHubUnreadableRepositoryTest {

    @TempDir
    Path dir;
    MockWebServer server;
    FakeGitHub github;
    /** Paths of the empty repository and what they answer; anything else there is an empty list. */
    final Map<String, MockResponse> empty = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        github = new FakeGitHub("kestrel/storefront");
        github.addPull(1, "Checkout retries", "2025-05-01T00:00:00Z");
        github.addPull(2, "Basket totals", "2025-05-02T00:00:00Z");
        github.addCommit(FakeGitHub.sha("c1"), "Fix basket rounding", "2025-05-02T10:00:00Z");
        github.addReview(2, 9002, "APPROVED", "2025-05-02T11:00:00Z");
        // recorded shape of GitHub's answer for a repository without commits
        empty.put("/repos/kestrel/fresh-start/commits", FakeGitHub.json(409,
                "{\"message\":\"Git Repository is empty.\",\"documentation_url\":\"https://docs.github.com/rest/commits/commits#list-commits\",\"status\":\"409\"}"));
        empty.put("/repos/kestrel/fresh-start/issues", FakeGitHub.json(410,
                "{\"message\":\"Issues are disabled for this repo\",\"documentation_url\":\"https://docs.github.com/v3/issues/\",\"status\":\"410\"}"));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getRequestUrl().encodedPath();
                if (!path.startsWith("/repos/kestrel/fresh-start/")) return github.dispatch(request);
                return empty.getOrDefault(path, FakeGitHub.json(200, "[]"));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void theEmptyRepositoryIsSkippedWithItsReasonAndTheNextRepositoryIsRead() throws Exception {
        Connector connector = new GitHubHarness(server, dir, "repos: [kestrel/fresh-start, kestrel/storefront]").connector();
        List<SourceRecord> records = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (SourceStream stream : connector.streams()) {
            StreamDrain.Result r = StreamDrain.drain(stream, null);
            records.addAll(r.records());
            unreadable.addAll(r.unreadable());
            assertThat(r.cursor()).as("every stream ends with a cursor to resume from: " + stream.name()).isNotNull();
        }

        assertThat(unreadable).containsExactly(
                new Unreadable("repo kestrel/fresh-start issues", "HTTP 410 Issues are disabled for this repo"),
                new Unreadable("repo kestrel/fresh-start commits", "HTTP 409 Git Repository is empty."));
        // the repository after it is read whole
        assertThat(records).filteredOn(r -> r.stream().equals("pulls:kestrel/storefront")).hasSize(2);
        assertThat(records).filteredOn(r -> r.stream().equals("commits:kestrel/storefront")).singleElement()
                .satisfies(r -> assertThat(r.json().at("/commit/message").asText()).isEqualTo("Fix basket rounding"));
        assertThat(records).filteredOn(r -> r.stream().equals("reviews:kestrel/storefront")).hasSize(1);
    }

    @Test
    void aPullWhoseReviewsAreGoneIsSkippedAndTheOtherPullsReviewsAreRead() throws Exception {
        github.failNext("/repos/kestrel/storefront/pulls/2/reviews",
                FakeGitHub.json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
        github.addReview(1, 9001, "COMMENTED", "2025-05-01T11:00:00Z");
        Connector connector = new GitHubHarness(server, dir, "repos: [kestrel/storefront]").connector();
        SourceStream reviews = connector.streams().stream().filter(s -> s.name().equals("reviews:kestrel/storefront")).findFirst().orElseThrow();

        StreamDrain.Result result = StreamDrain.drain(reviews, null);

        assertThat(result.unreadable()).containsExactly(new Unreadable("pull kestrel/storefront#2 reviews", "HTTP 404 Not Found"));
        assertThat(result.records()).singleElement().satisfies(r -> assertThat(r.json().path("id").asLong()).isEqualTo(9001));
        assertThat(Instant.parse(WalkCursor.parse(result.cursor()).since)).isEqualTo(Instant.parse("2025-05-02T00:00:00Z"));
    }
}
