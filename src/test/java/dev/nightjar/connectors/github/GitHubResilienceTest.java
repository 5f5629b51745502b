package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GitHub's throttles (primary, secondary, Retry-After), 5xx, permission errors and persistent failures. */
class GitHubResilienceTest {

    static final String R = "/repos/acme/api";

    @TempDir
    Path dir;
    MockWebServer server;
    FakeGitHub github;
    GitHubHarness harness;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setServerSocketFactory(new NoDelayServerSockets());
        github = new FakeGitHub("acme/api");
        server.setDispatcher(github);
        server.start();
        harness = new GitHubHarness(server, dir, "repos: [acme/api]");
        for (int n = 1; n <= 120; n++) {
            github.addPull(n, "Change " + n, Instant.parse("2025-01-01T00:00:00Z").plusSeconds(60L * n).toString());
        }
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    SourceStream stream(Connector connector, String name) {
        return connector.streams().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void retriesA429WithRetryAfterAPrimaryLimit403UntilResetAndA5xx_andStillReturnsEveryRecord() {
        long reset = GitHubHarness.NOW.getEpochSecond() + 120;
        github.failNext(R + "/pulls",
                FakeGitHub.json(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}").setHeader("retry-after", "7"),
                FakeGitHub.json(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}")
                        .setHeader("x-ratelimit-limit", "5000").setHeader("x-ratelimit-remaining", "0")
                        .setHeader("x-ratelimit-used", "5000").setHeader("x-ratelimit-reset", Long.toString(reset)),
                FakeGitHub.json(502, "{\"message\":\"Server Error\"}"));
        Connector connector = harness.connector();

        StreamDrain.Result result = StreamDrain.drain(stream(connector, "pulls:acme/api"), null);

        assertThat(result.records()).hasSize(120);
        List<Duration> waits = harness.sleeper.waits();
        assertThat(waits).hasSize(3);
        assertThat(waits.get(0)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(7).plusMillis(1));
        // reset is epoch SECONDS: 120 s after the (fixed) clock, not 120 ms and not 55 years
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(120).plusMillis(1));
        assertThat(waits.get(2)).isLessThan(Duration.ofMillis(10)); // 5xx: the policy's own (tiny) backoff
        assertThat(connector.stats().retries()).isEqualTo(3);
        assertThat(connector.stats().requests()).isEqualTo(2 + 3);
    }

    @Test
    void aSecondaryLimitWithoutHeadersWaitsAtLeastAMinuteAndBacksOff() {
        String body = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\","
                + "\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}";
        github.failNext(R + "/pulls", FakeGitHub.json(403, body), FakeGitHub.json(403, body), FakeGitHub.json(429, "{}"));
        Connector connector = harness.connector();

        assertThat(StreamDrain.drain(stream(connector, "pulls:acme/api"), null).records()).hasSize(120);

        assertThat(harness.sleeper.waits()).hasSize(3);
        assertThat(harness.sleeper.waits().get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(60)).isLessThan(Duration.ofSeconds(61));
        assertThat(harness.sleeper.waits().get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(120)).isLessThan(Duration.ofSeconds(121));
        assertThat(harness.sleeper.waits().get(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(240)).isLessThan(Duration.ofSeconds(241));
    }

    @Test
    void a403ThatIsNotARateLimitIsNotRetriedAndMakesOnlyThatRepositoryFeatureUnreadable() {
        github.failNext(R + "/pulls", FakeGitHub.json(403,
                "{\"message\":\"Resource not accessible by personal access token\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                .setHeader("x-ratelimit-remaining", "4321"));
        Connector connector = harness.connector();

        Page page = stream(connector, "pulls:acme/api").read(null);
        assertThat(page.last()).isTrue();
        assertThat(page.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.object()).isEqualTo("repo acme/api pulls");
            assertThat(u.reason()).isEqualTo("HTTP 403 Resource not accessible by personal access token");
        });
        assertThat(connector.stats().requests()).isEqualTo(1);
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void a403ThatRejectsTheTokenStillFailsTheSourceWithOneLine() {
        github.failNext(R + "/pulls", FakeGitHub.json(403,
                "{\"message\":\"Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.\"}")
                .setHeader("x-ratelimit-remaining", "4321"));
        Connector connector = harness.connector();

        assertThatThrownBy(() -> stream(connector, "pulls:acme/api").read(null))
                .isInstanceOf(ConnectorException.class)
                .isNotInstanceOf(dev.nightjar.connectors.ObjectUnavailableException.class)
                .hasMessageStartingWith("github: stream pulls:acme/api: GET /repos/acme/api/pulls failed: HTTP 403")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining(GitHubHarness.TOKEN);
    }

    @Test
    void aPersistentFailureNamesSourceStreamAndCursorAndDoesNotAdvanceTheCursor() {
        Connector connector = harness.connector();
        SourceStream pulls = stream(connector, "pulls:acme/api");
        Page first = pulls.read(null);
        assertThat(first.last()).isFalse();
        github.failWhen(url -> "2".equals(url.queryParameter("page")), FakeGitHub.json(500, "{\"message\":\"Server Error\"}"));

        assertThatThrownBy(() -> pulls.read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("github: ")
                .hasMessageContaining("failed after 6 attempts")
                .hasMessageContaining("stream pulls:acme/api")
                .hasMessageNotContaining(first.nextCursor())
                .hasMessageNotContaining(GitHubHarness.TOKEN);

        // the job keeps the cursor it had; once GitHub recovers, the same cursor resumes at page 2
        github.heal();
        int before = github.requests.size();
        Page second = pulls.read(first.nextCursor());
        RecordedRequest resumed = github.requests.get(before);
        assertThat(resumed.getRequestUrl().queryParameter("page")).isEqualTo("2");
        assertThat(second.records()).hasSize(20);
        assertThat(second.last()).isTrue();
    }

    @Test
    void aRateLimitResetTooFarAwayFailsTheStepInsteadOfHoldingTheJob() {
        long reset = GitHubHarness.NOW.getEpochSecond() + 3600;
        github.failNext(R + "/pulls", FakeGitHub.json(403, "{\"message\":\"API rate limit exceeded\"}")
                .setHeader("x-ratelimit-remaining", "0").setHeader("x-ratelimit-reset", Long.toString(reset)));
        Connector connector = harness.connector();
        assertThatThrownBy(() -> stream(connector, "pulls:acme/api").read(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("wait 3600 s")
                .hasMessageContaining("stream pulls:acme/api: ");
        assertThat(harness.sleeper.waits()).isEmpty();
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedSoTheTokenIsNotSentThere() {
        github.failNext(R + "/pulls", FakeGitHub.json(200, "[]")
                .setHeader("Link", "<https://evil.example/repos/acme/api/pulls?page=2>; rel=\"next\""));
        Connector connector = harness.connector();
        SourceStream pulls = stream(connector, "pulls:acme/api");
        Page first = pulls.read(null);
        assertThatThrownBy(() -> pulls.read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("refusing to follow");
        assertThat(github.requests).hasSize(1);
    }

    @Test
    void orgSelectionListsEveryRepositoryThroughTheApiFollowingLink() throws Exception {
        for (int i = 1; i <= 150; i++) github.orgRepos.add("acme/repo-" + i);
        GitHubHarness orgHarness = new GitHubHarness(server, dir.resolve("org"), "org: acme");
        Connector connector = orgHarness.connector();

        assertThat(connector.streams()).hasSize(150 * 6);
        assertThat(connector.streams().get(0).name()).isEqualTo("pulls:acme/repo-1");
        List<RecordedRequest> listing = github.requestsTo("/orgs/acme/repos");
        assertThat(listing).hasSize(2);
        assertThat(listing).allSatisfy(r -> assertThat(r.getRequestUrl().queryParameter("per_page")).isEqualTo("100"));
        assertThat(listing.get(1).getRequestUrl().queryParameter("page")).isEqualTo("2");
    }
}
