package dev.nightjar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.linear.LinearConnectorFactory;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.Normalized;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Linear connector against the sandbox's graphql-java server over Linear's schema. */
class LinearSandboxTest {

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
    void fullSyncDeliversTheCompanyAndIncrementalSyncIsCheap() {
        Connector connector = h.connector(new LinearConnectorFactory());
        Map<String, String> cursors = new HashMap<>();
        Map<String, List<SourceRecord>> full = SandboxHarness.sync(connector, cursors);
        SampleCompany c = h.sandbox.company();

        assertThat(full.get("users")).hasSize(c.linearUsers.size());
        assertThat(full.get("teams")).extracting(r -> r.json().path("key").asText()).containsExactlyInAnyOrder("PAY", "RNK", "PLAT");
        assertThat(full.get("issues")).hasSize(c.issues.size()).hasSizeGreaterThan(250);
        assertThat(full.get("comments")).hasSize(c.comments.size());
        assertThat(full.get("issue-relations")).hasSize(c.issueRelations.size());
        assertThat(full.get("projects")).hasSize(5);
        assertThat(full.get("initiatives")).hasSize(2);
        assertThat(full.get("project-updates")).hasSize(c.projectUpdates.size());
        long fullRequests = h.sandbox.requestCount("linear");
        // issues need 2 pages of 250; every other stream fits one page
        assertThat(fullRequests).isEqualTo(10);

        List<Normalized> normalized = SandboxHarness.normalize(connector, full);
        List<Document> docs = SandboxHarness.documents(normalized);
        Document launch = docs.stream().filter(d -> d.id().equals(DocumentId.of("linear", "issue", "RNK-134"))).findFirst().orElseThrow();
        assertThat(launch.title()).contains("Launch the reranker");
        List<Link> links = normalized.stream().flatMap(n -> n.links().stream()).toList();
        // the blocker chain PLAT-41 → RNK-121 → RNK-130 → RNK-134
        assertThat(links).extracting(l -> l.from().key() + " " + l.type() + " " + l.to())
                .anySatisfy(s -> assertThat(s).contains("PLAT-41").contains("RNK-121"))
                .anySatisfy(s -> assertThat(s).contains("RNK-121").contains("RNK-130"))
                .anySatisfy(s -> assertThat(s).contains("RNK-130").contains("RNK-134"));
        assertThat(docs).anySatisfy(d -> assertThat(d.body()).startsWith("Decision: we'll go with LightGBM"));

        // incremental: nothing changed, every stream answers one empty page
        Map<String, List<SourceRecord>> again = SandboxHarness.sync(connector, cursors);
        assertThat(SandboxHarness.total(again)).isZero();
        assertThat(h.sandbox.requestCount("linear") - fullRequests).isEqualTo(9);

        // another night: a new comment on RNK-121 and nothing else from Linear
        h.sandbox.company().advance(SandboxHarness.NOW.plus(Duration.ofHours(20)));
        Map<String, List<SourceRecord>> night = SandboxHarness.sync(connector, cursors);
        assertThat(night.get("comments")).singleElement()
                .satisfies(r -> assertThat(r.json().path("issue").path("identifier").asText()).isEqualTo("RNK-121"));
        assertThat(night.get("issues")).extracting(r -> r.json().path("identifier").asText()).containsExactly("RNK-121");
        assertThat(SandboxHarness.total(night)).isEqualTo(2);
    }

    @Test
    void invalidQueriesFailLikeLinear() throws Exception {
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient();
        okhttp3.Request request = new okhttp3.Request.Builder().url(h.sandbox.linearUrl()).header("Authorization", "lin_api_x")
                .post(okhttp3.RequestBody.create("{\"query\":\"{ issues { nodes { nope } } }\"}",
                        okhttp3.MediaType.get("application/json"))).build();
        try (okhttp3.Response response = http.newCall(request).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("errors").contains("nope");
        }
        okhttp3.Request unknown = new okhttp3.Request.Builder().url(h.sandbox.linearUrl().replace("/graphql", "/nope")).get().build();
        try (okhttp3.Response response = http.newCall(unknown).execute()) {
            assertThat(response.code()).isEqualTo(404);
        }
    }
}
