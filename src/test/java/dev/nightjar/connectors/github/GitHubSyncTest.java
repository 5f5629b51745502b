package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.model.Document;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full and incremental syncs of one repository against {@link FakeGitHub}, through the factory. */
class GitHubSyncTest {

    static final String R = "/repos/acme/api";
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

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
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static String at(int minutes) {
        return T0.plusSeconds(60L * minutes).toString();
    }

    /** 250 of everything: 3 pages per stream at 100 a page (issues list 5 pages: 250 issues + 250 PR twins). */
    void seed() {
        for (int n = 1; n <= 250; n++) {
            github.addPull(n, n == 7 ? "ASR-117: bound the retries" : "Change " + n, at(n));
            github.addIssue(1000 + n, "Issue " + n, at(n));
            github.addComment(5000 + n, n % 2 == 0 ? n : 1000 + n, n % 2 == 0, "comment " + n, at(n));
            github.addReviewComment(7000 + n, n, at(n));
            github.addCommit(FakeGitHub.sha("c" + n), "Commit " + n + "\n\nRefs ASR-" + n, at(n));
        }
        for (int i = 1; i <= 250; i++) github.addReview(5, 90000 + i, "COMMENTED", at(300));
        github.addReview(7, 80001, "APPROVED", at(301));
    }

    @Test
    void fullSyncPagesEveryStreamToTheEndFollowingLinkWithPerPage100() {
        seed();
        Connector connector = harness.connector();
        Map<String, StreamDrain.Result> run = GitHubHarness.syncAll(connector, new HashMap<>());

        assertThat(run.keySet()).containsExactly("pulls:acme/api", "reviews:acme/api", "issues:acme/api",
                "comments:acme/api", "review-comments:acme/api", "commits:acme/api");
        assertThat(run.get("pulls:acme/api").records()).hasSize(250);
        assertThat(run.get("issues:acme/api").records()).hasSize(250)
                .allSatisfy(r -> assertThat(r.json().has("pull_request")).isFalse());
        assertThat(run.get("comments:acme/api").records()).hasSize(250);
        assertThat(run.get("review-comments:acme/api").records()).hasSize(250);
        assertThat(run.get("commits:acme/api").records()).hasSize(250);
        assertThat(run.get("reviews:acme/api").records()).hasSize(251);
        // every record the API returned normalizes (nothing malformed in real shapes)
        assertThat(GitHubHarness.all(run)).allSatisfy(r -> assertThat(connector.normalizer().normalize(r).documents()).hasSize(1));
        // every record once
        assertThat(run.get("pulls:acme/api").records().stream().map(r -> r.json().get("number").asInt()).distinct()).hasSize(250);

        for (String path : List.of(R + "/pulls", R + "/issues", R + "/issues/comments", R + "/pulls/comments", R + "/commits", R + "/pulls/5/reviews")) {
            List<RecordedRequest> reqs = github.requestsTo(path);
            if (path.endsWith("/pulls")) reqs = reqs.subList(0, reqs.size() / 2); // pulls list is walked by pulls and reviews
            int pages = path.endsWith("/issues") ? 5 : 3;
            assertThat(reqs).as(path).hasSize(pages);
            for (int i = 0; i < reqs.size(); i++) {
                HttpUrl url = reqs.get(i).getRequestUrl();
                assertThat(url.queryParameter("per_page")).as(path).isEqualTo("100");
                assertThat(url.queryParameter("since")).as("a full sync has no since").isNull();
                // page 1 is ours; page 2..n are exactly the Link rel="next" URLs the fake sent
                assertThat(url.queryParameter("page")).isEqualTo(i == 0 ? null : Integer.toString(i + 1));
            }
        }
        HttpUrl pulls = github.requestsTo(R + "/pulls").get(0).getRequestUrl();
        assertThat(pulls.queryParameter("state")).isEqualTo("all");
        assertThat(pulls.queryParameter("sort")).isEqualTo("updated");
        assertThat(pulls.queryParameter("direction")).isEqualTo("desc");
        // every request is authenticated and versioned
        assertThat(github.requests).allSatisfy(r -> {
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + GitHubHarness.TOKEN);
            assertThat(r.getHeader("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(r.getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
            assertThat(r.getHeader("If-None-Match")).isNull();
        });
        // pulls 3 + issues 5 + comments 3 + review comments 3 + commits 3 = 17 list pages;
        // reviews: the PR list again (3) + one request per PR (250) + 2 more pages for PR #5's 250 reviews
        assertThat(connector.stats().requests()).isEqualTo(17 + 3 + 250 + 2);
        System.out.println("[github] full sync requests=" + connector.stats().requests());
    }

    @Test
    void unchangedResyncSends_IfNoneMatch_andGets304_withNoRecordsAndNoRateLimitUse() {
        seed();
        Connector connector = harness.connector();
        Map<String, String> cursors = new HashMap<>();
        GitHubHarness.syncAll(connector, cursors);
        String pullsUrl = github.requestsTo(R + "/pulls").get(0).getRequestUrl().toString();
        int before = github.requests.size();

        // run 2, nothing changed: every stream asks for the same first page as last night, conditionally
        Map<String, StreamDrain.Result> run2 = GitHubHarness.syncAll(connector, cursors);
        assertThat(GitHubHarness.all(run2)).isEmpty();
        List<RecordedRequest> second = github.requests.subList(before, github.requests.size());
        assertThat(second).hasSize(6).allSatisfy(r -> {
            assertThat(r.getHeader("If-None-Match")).startsWith("\"");
            assertThat(r.getRequestUrl().queryParameter("since")).isNull();
            assertThat(r.getRequestUrl().queryParameter("page")).isNull();
        });
        assertThat(second.stream().filter(r -> r.getRequestUrl().encodedPath().equals(R + "/pulls")))
                .hasSize(2).allSatisfy(r -> assertThat(r.getRequestUrl().toString()).isEqualTo(pullsUrl));
        assertThat(github.notModifiedSince(before)).isEqualTo(6); // rate-limit use = requests not answered 304: none
        assertThat(connector.stats().notModifiedCount()).isEqualTo(6);
    }

    @Test
    void firstQuietNightAfterASyncWithChangesSpendsNoQuota() {
        seed();
        Connector connector = harness.connector();
        Map<String, String> cursors = new HashMap<>();
        GitHubHarness.syncAll(connector, cursors);
        // a night with changes in every stream moves every watermark
        github.addComment(999_002, 1001, false, "Late thought", at(400));
        github.addReview(3, 80004, "APPROVED", at(401));
        github.touchPull(3, at(401));
        github.addCommit(FakeGitHub.sha("night-2"), "Fix retry ASR-118", at(402));
        assertThat(GitHubHarness.all(GitHubHarness.syncAll(connector, cursors))).isNotEmpty();

        // the first quiet night after it: every request is a 304, not only from the second quiet night on
        int before = github.requests.size();
        assertThat(GitHubHarness.all(GitHubHarness.syncAll(connector, cursors))).isEmpty();
        List<RecordedRequest> quiet = github.requests.subList(before, github.requests.size());
        assertThat(quiet).hasSize(6);
        assertThat(quiet.size() - github.notModifiedSince(before)).as("requests that used rate limit").isZero();
    }

    @Test
    void incrementalRunAsksOnlyForChangesAndPicksUpALateCommentOnAnOldIssue() {
        seed();
        Connector connector = harness.connector();
        Map<String, String> cursors = new HashMap<>();
        GitHubHarness.syncAll(connector, cursors);

        // overnight: a late comment on issue #1001 (created long ago), PR #3 gets a new review, a new commit
        github.addComment(999_001, 1001, false, "Late thought: this is ASR-9 again", at(400));
        github.addReview(3, 80003, "CHANGES_REQUESTED", at(401));
        github.touchPull(3, at(401));
        github.addCommit(FakeGitHub.sha("late"), "Fix retry ASR-117", at(402));
        int before = github.requests.size();
        long requestsBefore = connector.stats().requests();

        Map<String, StreamDrain.Result> run = GitHubHarness.syncAll(connector, cursors);
        List<RecordedRequest> reqs = github.requests.subList(before, github.requests.size());

        // comments: the same first page as every night (no since=), newest first; only the late comment is new
        List<SourceRecord> comments = run.get("comments:acme/api").records();
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).json().get("id").asLong()).isEqualTo(999_001);
        Normalized late = connector.normalizer().normalize(comments.get(0));
        assertThat(late.links()).contains(Link.toDocument(late.documents().get(0).id(), LinkType.COMMENT_ON,
                dev.nightjar.model.DocumentId.parse("github:issue:acme/api#1001")));
        assertThat(reqs.stream().filter(r -> r.getRequestUrl().encodedPath().equals(R + "/issues/comments")))
                .singleElement().satisfies(r -> assertThat(r.getRequestUrl().queryParameter("since")).isNull());

        // pulls: page 1 reaches back past the watermark, so the walk stops there (no page=2)
        assertThat(run.get("pulls:acme/api").records()).extracting(r -> r.json().get("number").asInt()).containsExactly(3);
        List<RecordedRequest> pullsReqs = reqs.stream().filter(r -> r.getRequestUrl().encodedPath().equals(R + "/pulls")).toList();
        assertThat(pullsReqs).hasSize(2) // pulls stream + reviews stream, page 1 each
                .allSatisfy(r -> assertThat(r.getRequestUrl().queryParameter("page")).isNull());

        // reviews: only the PR that changed
        assertThat(reqs.stream().map(r -> r.getRequestUrl().encodedPath()).filter(p -> p.endsWith("/reviews")))
                .containsExactly(R + "/pulls/3/reviews");
        assertThat(run.get("reviews:acme/api").records()).extracting(r -> r.json().get("state").asText())
                .containsExactly("CHANGES_REQUESTED");

        // issues: PR #3's issue twin is not an issue; nothing else changed
        assertThat(run.get("issues:acme/api").records()).isEmpty();
        assertThat(run.get("commits:acme/api").records()).extracting(r -> r.json().get("sha").asText())
                .containsExactly(FakeGitHub.sha("late"));
        for (String path : List.of(R + "/issues", R + "/pulls/comments")) {
            assertThat(reqs.stream().filter(r -> r.getRequestUrl().encodedPath().equals(path)))
                    .singleElement().satisfies(r -> assertThat(r.getRequestUrl().queryParameter("since")).isNull());
        }
        // commits are in graph order: their changed first page is followed by a since= walk by commit date
        assertThat(reqs.stream().filter(r -> r.getRequestUrl().encodedPath().equals(R + "/commits")))
                .extracting(r -> r.getRequestUrl().queryParameter("since")).containsExactly(null, at(250));
        assertThat(connector.stats().requests() - requestsBefore).isEqualTo(8);

        // and the next run starts after the new watermarks
        Map<String, String> c = cursors;
        assertThat(c.get("comments:acme/api")).contains(at(400));
        assertThat(c.get("commits:acme/api")).contains(at(402));
    }

    @Test
    void cursorOfASavedPageResumesAtTheNextPage() {
        seed();
        Connector connector = harness.connector();
        var stream = connector.streams().stream().filter(s -> s.name().equals("commits:acme/api")).findFirst().orElseThrow();
        var page1 = stream.read(null);
        assertThat(page1.last()).isFalse();
        assertThat(page1.records()).hasSize(100);
        // a "new process" resumes from the saved cursor
        var again = harness.connector().streams().stream().filter(s -> s.name().equals("commits:acme/api")).findFirst().orElseThrow();
        int before = github.requests.size();
        var page2 = again.read(page1.nextCursor());
        assertThat(github.requests.get(before).getRequestUrl().queryParameter("page")).isEqualTo("2");
        assertThat(page2.records()).hasSize(100);
        assertThat(page2.records().get(0).json().get("sha").asText())
                .isNotIn(page1.records().stream().map(r -> r.json().get("sha").asText()).collect(Collectors.toSet()));
    }

    @Test
    void prTitledWithAnIssueKeyLinksToLinear() {
        seed();
        Connector connector = harness.connector();
        var pulls = connector.streams().get(0);
        List<SourceRecord> records = StreamDrain.drain(pulls, null).records();
        SourceRecord pr7 = records.stream().filter(r -> r.json().get("number").asInt() == 7).findFirst().orElseThrow();
        Normalized n = connector.normalizer().normalize(pr7);
        Document doc = n.documents().get(0);
        assertThat(doc.id().toString()).isEqualTo("github:pr:acme/api#7");
        assertThat(n.links()).extracting(Link::to).contains("linear:issue:ASR-117");
    }
}
