package dev.nightjar.connectors.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearConnectorTest {

    private static final String KEY = "lin_api_TESTKEY0123456789";
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final int N = 600; // 3 pages of 250 (250, 250, 100) per stream; teams: 120 = 3 pages of 50

    @TempDir
    Path configDir;

    private MockWebServer server;
    private FakeLinear fake;
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        fake = FakeLinear.workspace(N, BASE);
        server = new MockWebServer();
        server.setDispatcher(fake);
        server.start();
        env.put("LINEAR_API_KEY", KEY);
        env.put("NIGHTJAR_LINEAR_BASE_URL", server.url("/graphql").toString());
        writeConfig("enabled: true\nbase-url: https://api.linear.app/graphql\ntoken-env: LINEAR_API_KEY\nteams: []\n");
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private void writeConfig(String yaml) throws IOException {
        Files.createDirectories(configDir.resolve("connectors"));
        Files.writeString(configDir.resolve("connectors/linear.yml"), yaml);
    }

    private Connector connector() {
        ConnectorContext context = new ConnectorContext(Environment.of(env), new OkHttpClient(),
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(15)), sleeper,
                Clock.fixed(NOW, ZoneOffset.UTC));
        return new LinearConnectorFactory().create(new ConfigDir(configDir), context).orElseThrow();
    }

    /** Runs every stream to its last page like the job does; cursors are updated in place. */
    private static Map<String, StreamDrain.Result> sync(Connector connector, Map<String, String> cursors) {
        Map<String, StreamDrain.Result> results = new LinkedHashMap<>();
        for (SourceStream stream : connector.streams()) {
            StreamDrain.Result result = StreamDrain.drain(stream, cursors.get(stream.name()));
            cursors.put(stream.name(), result.cursor());
            results.put(stream.name(), result);
        }
        return results;
    }

    private static String since(String cursor) {
        return StreamCursor.parse(cursor).since();
    }

    private static String maxUpdatedAt(int n) {
        return BASE.plusSeconds(60L * (n - 1)).toString();
    }

    @Test
    void fullSyncReadsEveryStreamToTheEndAcrossThreePagesThenIncrementalAsksOnlyForChanges() throws Exception {
        Connector connector = connector();
        Map<String, String> cursors = new HashMap<>();

        Map<String, StreamDrain.Result> full = sync(connector, cursors);

        assertThat(full.keySet()).containsExactly("users", "teams", "initiatives", "projects", "initiative-updates",
                "project-updates", "issues", "issue-relations", "comments");
        full.forEach((stream, result) -> {
            assertThat(result.pages()).as(stream).isEqualTo(3);
            assertThat(result.records()).as(stream).hasSize(stream.equals("teams") ? 120 : N);
            assertThat(result.records()).extracting(r -> r.json().path("id").asText()).as(stream).doesNotHaveDuplicates();
        });
        // minimum = Σ ceil(items / page size) = 8 × ceil(600/250) + ceil(120/50) = 27
        assertThat(server.getRequestCount()).isEqualTo(27);
        assertThat(connector.stats().requests()).isEqualTo(27);
        assertThat(connector.stats().retries()).isZero();
        for (int i = 0; i < 27; i++) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getPath()).isEqualTo("/graphql");
            assertThat(request.getHeader("Authorization")).isEqualTo(KEY); // personal keys are sent without "Bearer"
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        // a full sync sends no filter at all, and follows endCursor: page 2 and 3 carry `after`
        List<JsonNode> issueBodies = fake.bodies.stream().filter(b -> b.path("query").asText().contains("NightjarIssues(")).toList();
        assertThat(issueBodies).hasSize(3);
        assertThat(issueBodies.get(0).path("variables").has("filter")).isFalse();
        assertThat(issueBodies.get(0).path("variables").has("after")).isFalse();
        assertThat(issueBodies.get(0).path("query").asText()).contains("issues(first: 250");
        assertThat(issueBodies.get(1).path("variables").path("after").asText()).isNotBlank();
        // the last page's cursor is the watermark: the largest updatedAt seen
        assertThat(since(cursors.get("issues"))).isEqualTo(maxUpdatedAt(N));
        assertThat(since(cursors.get("teams"))).isEqualTo(maxUpdatedAt(120));

        // one issue changes between the runs
        ObjectNode changed = (ObjectNode) fake.data.get("issues").get(10).deepCopy();
        changed.put("updatedAt", "2026-11-24T12:00:00.000Z").put("title", "changed");
        fake.upsert("issues", changed);
        Map<String, String> watermarks = new HashMap<>(cursors);
        fake.bodies.clear();

        Map<String, StreamDrain.Result> incremental = sync(connector, cursors);

        assertThat(incremental.get("issues").records()).extracting(r -> r.json().path("title").asText()).containsExactly("changed");
        incremental.forEach((stream, result) -> {
            assertThat(result.pages()).as(stream).isEqualTo(1);
            if (!stream.equals("issues")) assertThat(result.records()).as(stream).isEmpty();
        });
        assertThat(server.getRequestCount()).isEqualTo(27 + 9);
        for (JsonNode body : fake.bodies) {
            String query = body.path("query").asText();
            String stream = streamOf(query);
            if (stream.equals("issue-relations")) {
                // issueRelations takes no filter: the walk stops at known data (newest-first page reaching the watermark)
                assertThat(body.path("variables").has("filter")).isFalse();
                continue;
            }
            assertThat(body.path("variables").path("filter").path("updatedAt").path("gt").asText())
                    .as(stream).isEqualTo(since(watermarks.get(stream)));
        }
        assertThat(since(cursors.get("issues"))).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(since(cursors.get("users"))).isEqualTo(since(watermarks.get("users"))); // nothing new: unchanged
    }

    private static String streamOf(String query) {
        for (StreamSpec spec : LinearConnector.specs(List.of())) if (spec.query().equals(query)) return spec.name();
        throw new AssertionError("unknown query " + query);
    }

    @Test
    void aLateCommentOnAnOldIssueIsPickedUpByTheIncrementalRun() {
        Connector connector = connector();
        Map<String, String> cursors = new HashMap<>();
        sync(connector, cursors);

        ObjectNode late = FakeLinear.template("comment.node.json");
        late.put("id", "late-comment-1").put("body", "Still seeing this on prod").put("updatedAt", "2026-11-24T23:00:00.000Z")
                .put("createdAt", "2026-11-24T23:00:00.000Z");
        ((ObjectNode) late.get("issue")).put("identifier", "ASR-1"); // the oldest issue, itself unchanged
        fake.upsert("comments", late);

        Map<String, StreamDrain.Result> incremental = sync(connector, cursors);

        assertThat(incremental.get("issues").records()).isEmpty();
        List<SourceRecord> comments = incremental.get("comments").records();
        assertThat(comments).hasSize(1);
        Normalized normalized = connector.normalizer().normalize(comments.get(0));
        DocumentId comment = DocumentId.parse("linear:comment:late-comment-1");
        assertThat(normalized.documents()).extracting(d -> d.id()).containsExactly(comment);
        assertThat(normalized.links()).contains(Link.toDocument(comment, LinkType.COMMENT_ON, DocumentId.parse("linear:issue:ASR-1")));
    }

    @Test
    void aNewBlocksRelationBetweenOldIssuesArrivesInTheIncrementalRunAsABlocksLink() {
        Connector connector = connector();
        Map<String, String> cursors = new HashMap<>();
        sync(connector, cursors);

        ObjectNode relation = FakeLinear.template("issue-relation.node.json");
        relation.put("id", "new-relation").put("type", "blocks").put("updatedAt", "2026-11-24T23:30:00.000Z");
        ((ObjectNode) relation.get("issue")).put("identifier", "ASR-2");
        ((ObjectNode) relation.get("relatedIssue")).put("identifier", "ASR-3");
        fake.upsert("issueRelations", relation);

        StreamDrain.Result relations = sync(connector, cursors).get("issue-relations");

        assertThat(relations.pages()).isEqualTo(1); // newest first, so the first page already reaches known data
        assertThat(relations.records()).hasSize(1); // the 249 older relations on that page are filtered out here
        assertThat(connector.normalizer().normalize(relations.records().get(0)).links()).containsExactly(
                Link.toDocument(DocumentId.parse("linear:issue:ASR-2"), LinkType.BLOCKS, DocumentId.parse("linear:issue:ASR-3")));
        assertThat(since(cursors.get("issue-relations"))).isEqualTo("2026-11-24T23:30:00.000Z");
    }

    @Test
    void aNonLastPageCursorResumesAfterThatPage_evenInANewConnector() throws Exception {
        Page first = connector().streams().stream().filter(s -> s.name().equals("issues")).findFirst().orElseThrow().read(null);
        assertThat(first.last()).isFalse();
        assertThat(first.records()).hasSize(250);

        SourceStream again = connector().streams().stream().filter(s -> s.name().equals("issues")).findFirst().orElseThrow();
        Page second = again.read(first.nextCursor());

        assertThat(second.records()).hasSize(250);
        assertThat(second.records().get(0).json().path("identifier").asText())
                .isEqualTo("ASR-" + (N - 250)); // newest first: page 1 had ASR-600..ASR-351
        assertThat(fake.bodies.get(1).path("variables").path("after").asText())
                .isEqualTo(StreamCursor.parse(first.nextCursor()).after());
    }

    @Test
    void throttlesAndServerErrorsAreRetriedAfterTheWaitsLinearAsksFor_andEveryRecordArrives() {
        long now = NOW.toEpochMilli();
        // RATELIMITED in a 400 body, requests bucket empty, reset in epoch MILLISECONDS
        fake.script(new MockResponse().setResponseCode(400).setBody(FakeLinear.resource("ratelimited.json"))
                .setHeader("X-RateLimit-Requests-Remaining", "0")
                .setHeader("X-RateLimit-Requests-Reset", Long.toString(now + 1500))
                .setHeader("X-RateLimit-Complexity-Remaining", "240000")
                .setHeader("X-RateLimit-Complexity-Reset", Long.toString(now + 3_000_000)));
        // a plain 429 whose complexity bucket is empty
        fake.script(new MockResponse().setResponseCode(429).setBody(FakeLinear.resource("ratelimited.json"))
                .setHeader("X-RateLimit-Complexity-Remaining", "0")
                .setHeader("X-RateLimit-Complexity-Reset", Long.toString(now + 2000)));
        fake.script(new MockResponse().setResponseCode(503).setBody("upstream unavailable"));
        // RATELIMITED in a 200 body
        fake.script(new MockResponse().setResponseCode(200).setBody(FakeLinear.resource("ratelimited.json"))
                .setHeader("X-RateLimit-Requests-Remaining", "0")
                .setHeader("X-RateLimit-Requests-Reset", Long.toString(now + 500)));

        Connector connector = connector();
        SourceStream issues = connector.streams().stream().filter(s -> s.name().equals("issues")).findFirst().orElseThrow();
        StreamDrain.Result result = StreamDrain.drain(issues, null);

        assertThat(result.records()).hasSize(N);
        assertThat(connector.stats().retries()).isEqualTo(4);
        assertThat(connector.stats().requests()).isEqualTo(3 + 4);
        List<Duration> waits = sleeper.waits();
        assertThat(waits).hasSize(4);
        assertThat(waits.get(0).toMillis()).isBetween(1500L, 1510L);
        assertThat(waits.get(1).toMillis()).isBetween(2000L, 2010L);
        assertThat(waits.get(2).toMillis()).isLessThan(10L); // 5xx: the policy's own backoff
        assertThat(waits.get(3).toMillis()).isBetween(500L, 510L);
    }

    @Test
    void aPersistentFailureNamesSourceStreamAndCursor_andTheCursorIsNotAdvanced() {
        SourceStream issues = connector().streams().stream().filter(s -> s.name().equals("issues")).findFirst().orElseThrow();
        Page first = issues.read(null);
        fake.failAlways(new MockResponse().setResponseCode(502).setBody("bad gateway"));

        assertThatThrownBy(() -> issues.read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("linear: ")
                .hasMessageContaining("failed after 6 attempts")
                .hasMessageContaining("HTTP 502")
                .hasMessageContaining("stream issues: ").hasMessageNotContaining(first.nextCursor())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(sleeper.waits()).hasSize(5);

        // the job still holds first.nextCursor(); once Linear is back the walk resumes right there
        fake.failAlways(null);
        Page second = issues.read(first.nextCursor());
        assertThat(second.records()).hasSize(250);
        assertThat(second.records().get(0).json().path("identifier").asText()).isEqualTo("ASR-" + (N - 250));
    }

    @Test
    void aFailureOnTheFirstPageNamesTheStreamOnce() {
        fake.failAlways(new MockResponse().setResponseCode(500));
        SourceStream users = connector().streams().get(0);
        assertThatThrownBy(() -> users.read(null)).isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("linear: stream users: POST /graphql failed after 6 attempts: HTTP 500")
                .satisfies(e -> assertThat(e.getMessage().split("stream ", -1)).hasSize(2));
    }

    @Test
    void otherGraphQlErrorsFailAtOnceWithTheApisMessage() {
        fake.script(FakeLinear.graphQlError(200, "Entity not found: Team - Could not find referenced Team.", "INPUT_ERROR"));
        SourceStream issues = connector().streams().stream().filter(s -> s.name().equals("issues")).findFirst().orElseThrow();
        assertThatThrownBy(() -> issues.read(null)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("GraphQL error: Entity not found: Team - Could not find referenced Team. (INPUT_ERROR)")
                .hasMessageStartingWith("linear: stream issues: GraphQL error");

        fake.script(FakeLinear.graphQlError(400, "Query too complex: 12000 exceeds 10000", "GRAPHQL_VALIDATION_FAILED"));
        assertThatThrownBy(() -> issues.read(null)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Query too complex");
        assertThat(server.getRequestCount()).isEqualTo(2); // neither was retried
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void aRejectedKeyNeverAppearsInTheMessage() {
        fake.failAlways(new MockResponse().setResponseCode(401).setBody(
                "{\"errors\":[{\"message\":\"Authentication required, not authenticated\",\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\"}}]}"));
        Connector connector = connector();
        assertThatThrownBy(() -> connector.streams().get(0).read(null)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("token-env")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
        assertThat(connector.toString() + connector.streams()).doesNotContain(KEY);
    }

    @Test
    void anOAuthTokenGivenWithBearerIsSentAsIs() throws Exception {
        env.put("LINEAR_API_KEY", "Bearer lin_oauth_abc");
        connector().streams().get(0).read(null);
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer lin_oauth_abc");
    }

    @Test
    void selectedTeamsNarrowIssuesCommentsProjectsAndUpdates() throws Exception {
        writeConfig("enabled: true\nbase-url: https://api.linear.app/graphql\ntoken-env: LINEAR_API_KEY\nteams: [PAY, ASR]\n");
        Map<String, JsonNode> firstBodies = new LinkedHashMap<>();
        for (SourceStream stream : connector().streams()) {
            stream.read(null);
            firstBodies.put(stream.name(), fake.bodies.get(fake.bodies.size() - 1));
        }
        JsonNode keys = FakeLinear.JSON.readTree("{\"in\":[\"PAY\",\"ASR\"]}");
        assertThat(firstBodies.get("issues").at("/variables/filter/team/key")).isEqualTo(keys);
        assertThat(firstBodies.get("teams").at("/variables/filter/key")).isEqualTo(keys);
        assertThat(firstBodies.get("projects").at("/variables/filter/accessibleTeams/some/key")).isEqualTo(keys);
        assertThat(firstBodies.get("project-updates").at("/variables/filter/project/accessibleTeams/some/key")).isEqualTo(keys);
        assertThat(firstBodies.get("comments").at("/variables/filter/or/0/issue/team/key")).isEqualTo(keys);
        assertThat(firstBodies.get("comments").at("/variables/filter/or/1/issue/null").asBoolean()).isTrue();
        assertThat(firstBodies.get("users").path("variables").has("filter")).isFalse();
        assertThat(firstBodies.get("initiatives").path("variables").has("filter")).isFalse();
        // FakeLinear validated each of these against the schema (it answers 400 otherwise)
        assertThat(fake.bodies).hasSize(9);
    }

    @Test
    void aMissingTokenVariableIsAConfigErrorNamingIt() {
        env.remove("LINEAR_API_KEY");
        assertThatThrownBy(this::connector).isInstanceOf(ConfigException.class).hasMessageContaining("LINEAR_API_KEY");
    }

    @Test
    void anUnknownYamlKeyIsAConfigError() throws IOException {
        writeConfig("enabled: true\ntoken-env: LINEAR_API_KEY\ntems: [PAY]\n");
        assertThatThrownBy(this::connector).isInstanceOf(ConfigException.class).hasMessageContaining("'tems'")
                .hasMessageContaining("teams");
    }

    @Test
    void disabledMeansNoConnector() throws IOException {
        writeConfig("enabled: false\n");
        ConnectorContext context = ConnectorContext.production(Environment.of(env));
        assertThat(new LinearConnectorFactory().create(new ConfigDir(configDir), context)).isEmpty();
    }

    @Test
    void theShippedConfigFileParsesToTheDocumentedDefaults() throws IOException {
        LinearSettings settings = ConfigDir.parseYaml(Files.readString(Path.of("connectors/linear.yml")),
                LinearSettings.class, "connectors/linear.yml");
        assertThat(settings).isEqualTo(new LinearSettings(true, "https://api.linear.app/graphql", "LINEAR_API_KEY", List.of()));
    }
}
