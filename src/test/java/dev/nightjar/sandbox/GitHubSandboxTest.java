package dev.nightjar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.github.GitHubConnectorFactory;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.Normalized;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real GitHub connector against the sandbox's REST server. */
class GitHubSandboxTest {

    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() {
        h = new SandboxHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void fullSyncLinksPrsToLinearIssuesAndIncrementalSyncIsMostly304s() {
        Connector connector = h.connector(new GitHubConnectorFactory());
        Map<String, String> cursors = new HashMap<>();
        Map<String, List<SourceRecord>> full = SandboxHarness.sync(connector, cursors);
        SampleCompany c = h.sandbox.company();
        SampleCompany.Stories s = c.stories();

        for (SampleCompany.Repo repo : c.repos.values()) {
            assertThat(full.get("pulls:" + repo.fullName)).hasSize(repo.pulls.size());
            assertThat(full.get("commits:" + repo.fullName)).hasSize(repo.commits.size());
            assertThat(full.get("reviews:" + repo.fullName)).hasSize(repo.reviews.values().stream().mapToInt(List::size).sum());
            assertThat(full.get("issues:" + repo.fullName)).hasSize((int) repo.issues.stream().filter(i -> !i.has("pull_request")).count());
            assertThat(full.get("comments:" + repo.fullName)).hasSize(repo.issueComments.size());
            assertThat(full.get("review-comments:" + repo.fullName)).hasSize(repo.reviewComments.size());
        }
        assertThat(SandboxHarness.total(full)).isGreaterThan(400);
        long fullRequests = h.sandbox.requestCount("github");

        List<Normalized> normalized = SandboxHarness.normalize(connector, full);
        DocumentId pr = DocumentId.of("github", "pr", s.keyedPrRepo() + "#" + s.keyedPrNumber());
        Document prDoc = SandboxHarness.documents(normalized).stream().filter(d -> d.id().equals(pr)).findFirst().orElseThrow();
        assertThat(prDoc.title()).startsWith("RNK-117: ");
        assertThat(prDoc.state()).isEqualTo("merged");
        assertThat(prDoc.properties()).containsEntry("merge_commit_sha", s.keyedPrMergeSha());
        List<Link> links = normalized.stream().flatMap(n -> n.links().stream()).filter(l -> l.from().equals(pr)).toList();
        assertThat(links).extracting(Link::to).contains("linear:issue:RNK-117", "commit:" + s.keyedPrMergeSha());
        // the merge commit on main closes the issue too
        assertThat(normalized.stream().flatMap(n -> n.links().stream()))
                .anySatisfy(l -> {
                    assertThat(l.from()).isEqualTo(DocumentId.of("github", "commit", s.keyedPrRepo() + "@" + s.keyedPrMergeSha()));
                    assertThat(l.to()).isEqualTo("linear:issue:RNK-117");
                });
        // the changes-requested review submitted overnight
        assertThat(full.get("reviews:" + s.changesRequestedRepo())).anySatisfy(r -> {
            assertThat(r.json().path("id").asLong()).isEqualTo(s.changesRequestedReviewId());
            assertThat(r.json().path("state").asText()).isEqualTo("CHANGES_REQUESTED");
            assertThat(r.json().path("submitted_at").asText()).isGreaterThan(SandboxHarness.NOW.minus(Duration.ofHours(9)).toString());
        });

        // nothing changed: the walks without `since` get 304s; those with it get their watermark's record, already seen
        Map<String, List<SourceRecord>> again = SandboxHarness.sync(connector, cursors);
        assertThat(SandboxHarness.total(again)).isZero();
        long incremental = h.sandbox.requestCount("github") - fullRequests;
        assertThat(incremental).isEqualTo(6L * c.repos.size());
        assertThat(connector.stats().notModifiedCount()).isGreaterThanOrEqualTo(2L * c.repos.size());

        // another night: a new review on the shadow-eval PR
        c.advance(SandboxHarness.NOW.plus(Duration.ofHours(20)));
        Map<String, List<SourceRecord>> night = SandboxHarness.sync(connector, cursors);
        assertThat(night.get("reviews:" + s.changesRequestedRepo())).extracting(r -> r.json().path("state").asText())
                .contains("COMMENTED");
        assertThat(night.get("pulls:" + s.changesRequestedRepo())).singleElement()
                .satisfies(r -> assertThat(r.json().path("number").asInt()).isEqualTo(s.changesRequestedPr()));
    }

    @Test
    void pagingHeadersAndErrorsLookLikeGitHub() throws Exception {
        OkHttpClient http = new OkHttpClient();
        String url = h.sandbox.githubUrl() + "/repos/kestrel/search-ranker/pulls?state=all&per_page=10";
        try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer x").build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Link")).startsWith("<" + h.sandbox.githubUrl() + "/repos/kestrel/search-ranker/pulls?")
                    .contains("page=2>; rel=\"next\"").contains("rel=\"last\"");
            String etag = r.header("ETag");
            try (Response again = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer x")
                    .header("If-None-Match", etag).build()).execute()) {
                assertThat(again.code()).isEqualTo(304);
            }
        }
        try (Response r = http.newCall(new Request.Builder().url(h.sandbox.githubUrl() + "/repos/kestrel/nope/pulls")
                .header("Authorization", "Bearer x").build()).execute()) {
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).contains("\"message\":\"Not Found\"");
        }
    }
}
