package dev.nightjar.connectors.wandb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.nightjar.model.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WandbConnectorTest {

    static final String KEY = "local-0123456789abcdef0123456789abcdef01234567";
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    static final int RUNS = 120;

    @TempDir
    Path dir;
    MockWebServer server;
    FakeWandb wandb;
    RecordingSleeper sleeper;

    @BeforeEach
    void start() throws IOException {
        wandb = new FakeWandb();
        server = new MockWebServer();
        server.setDispatcher(wandb);
        server.start();
        sleeper = new RecordingSleeper();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** 120 runs in acme/ranker, heartbeats a minute apart; run-0118 and run-0119 are still running. */
    List<ObjectNode> project() {
        List<ObjectNode> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            String state = i >= RUNS - 2 ? "running" : (i % 10 == 3 ? "crashed" : "finished");
            runs.add(FakeWandb.run(name(i), state, T0.plus(Duration.ofMinutes(i)), T0.plus(Duration.ofMinutes(i + 30)), 1.0 / (i + 1)));
        }
        wandb.runs.put("acme/ranker", runs);
        return runs;
    }

    static String name(int i) {
        return String.format("run-%04d", i);
    }

    Connector connector(String yaml, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/wandb.yml"), yaml.replace("BASE", server.url("/").toString()));
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(1));
        ConnectorContext context = new ConnectorContext(Environment.of(env), new OkHttpClient(), policy, sleeper,
                Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        return new WandbConnectorFactory().create(new ConfigDir(dir), context).orElseThrow();
    }

    Connector connector() throws IOException {
        return connector("enabled: true\nbase-url: BASE\ntoken-env: WANDB_API_KEY\nentity: acme\nprojects: [ranker]\n",
                Map.of("WANDB_API_KEY", KEY));
    }

    static SourceStream runs(Connector c) {
        return c.streams().getFirst();
    }

    @Test
    void fullSyncPagesThroughEveryRunWithTheSdkQuery() throws IOException {
        project();
        Connector c = connector();
        assertThat(runs(c).name()).isEqualTo("runs:ranker");
        StreamDrain.Result r = StreamDrain.drain(runs(c), null);

        assertThat(r.records()).hasSize(RUNS);
        assertThat(r.pages()).isEqualTo(3);
        assertThat(r.records()).allSatisfy(rec -> assertThat(rec.container()).isEqualTo("acme/ranker"));
        assertThat(wandb.requests).hasSize(3);
        // Basic api:<key>, POST /graphql, the SDK's query with its variables
        String basic = "Basic " + Base64.getEncoder().encodeToString(("api:" + KEY).getBytes(StandardCharsets.UTF_8));
        assertThat(wandb.requests).allSatisfy(req -> {
            assertThat(req.path()).isEqualTo("/graphql");
            assertThat(req.authorization()).isEqualTo(basic);
            assertThat(req.variables().path("entity").asText()).isEqualTo("acme");
            assertThat(req.variables().path("project").asText()).isEqualTo("ranker");
            assertThat(req.variables().path("perPage").asInt()).isEqualTo(50);
            assertThat(req.variables().path("order").asText()).isEqualTo("+heartbeat_at");
            assertThat(req.filters()).as("a full sync asks for every run").isNull();
        });
        assertThat(wandb.requests.get(0).variables().has("cursor")).isFalse();
        assertThat(wandb.requests.get(1).variables().path("cursor").asText()).isEqualTo("cursor:49");
        assertThat(wandb.requests.get(2).variables().path("cursor").asText()).isEqualTo("cursor:99");
        // the watermark is the newest heartbeat; the two running runs are remembered
        assertThat(FakeWandb.JSON.readTree(r.cursor()).path("since").asText()).isEqualTo("2026-07-01T02:29:00");
        assertThat(FakeWandb.JSON.readTree(r.cursor()).path("running")).extracting(n -> n.asText())
                .containsExactly(name(118), name(119));
        // request count = ceil(120 / 50)
        assertThat(c.stats().requests()).isEqualTo((long) Math.ceil(RUNS / 50.0));
        System.out.println("wandb full sync: requests=" + c.stats().requests() + " minimum=" + (int) Math.ceil(RUNS / 50.0));
    }

    @Test
    void queryIsTheSdkRunsQuery() {
        String sdk = FakeWandb.text("runs_query.graphql");
        String ours = RunsQuery.TEXT;
        // the operation itself is the SDK's, line for line
        String operation = sdk.substring(sdk.indexOf("query Runs"), sdk.indexOf("fragment RunFragment")).strip();
        assertThat(normalize(ours)).contains(normalize(operation));
        for (String field : List.of("id", "tags", "name", "displayName", "sweepName", "state", "config", "group", "jobType",
                "commit", "readOnly", "createdAt", "heartbeatAt", "description", "notes", "summaryMetrics", "historyLineCount")) {
            assertThat(ours).containsPattern("\\n\\s+" + field + "\\n");
        }
    }

    static String normalize(String graphql) {
        return graphql.replaceAll("\\s+", " ").strip();
    }

    @Test
    void incrementalAsksOnlyForUpdatedRunsAndRefetchesThePreviouslyRunningOnes() throws IOException {
        List<ObjectNode> runs = project();
        String watermark = StreamDrain.drain(runs(connector()), null).cursor();
        wandb.requests.clear();

        // run-0119 keeps running (new heartbeat); run-0118 crashed: its heartbeat stopped, only its state changed
        runs.get(119).put("heartbeatAt", "2026-07-01T03:00:00");
        runs.get(118).put("state", "crashed");
        runs.get(118).put("summaryMetrics", "{\"loss\": 9.5}");
        // one new run, and one finished long ago that nobody touched
        runs.add(FakeWandb.run("run-new", "finished", T0.plus(Duration.ofHours(2).plusMinutes(40)),
                T0.plus(Duration.ofHours(2).plusMinutes(50)), 0.05));

        Connector c = connector();
        StreamDrain.Result r = StreamDrain.drain(runs(c), watermark);

        assertThat(wandb.requests).hasSize(2);
        FakeWandb.Recorded updated = wandb.requests.get(0);
        assertThat(updated.filters()).isEqualTo(FakeWandb.JSON.readTree(
                "{\"$or\":[{\"heartbeatAt\":{\"$gt\":\"2026-07-01T02:29:00\"}},{\"createdAt\":{\"$gt\":\"2026-07-01T02:29:00\"}}]}"));
        FakeWandb.Recorded refresh = wandb.requests.get(1);
        assertThat(refresh.filters()).isEqualTo(FakeWandb.JSON.readTree("{\"name\":{\"$in\":[\"run-0118\"]}}"));
        assertThat(r.records()).extracting(rec -> rec.json().path("name").asText())
                .containsExactly("run-new", "run-0119", "run-0118");

        Document crashed = c.normalizer().normalize(r.records().get(2)).documents().getFirst();
        assertThat(crashed.state()).isEqualTo("crashed");
        assertThat(crashed.metrics()).containsEntry("loss", 9.5);
        assertThat(FakeWandb.JSON.readTree(r.cursor()).path("since").asText()).isEqualTo("2026-07-01T03:00:00");
        assertThat(FakeWandb.JSON.readTree(r.cursor()).path("running")).extracting(n -> n.asText()).containsExactly("run-0119");
        System.out.println("wandb incremental sync: requests=" + c.stats().requests());

        // and with nothing new, one request that returns nothing, then run-0119 is refreshed
        wandb.requests.clear();
        StreamDrain.Result quiet = StreamDrain.drain(runs(c), r.cursor());
        assertThat(wandb.requests).hasSize(2);
        assertThat(quiet.records()).extracting(rec -> rec.json().path("name").asText()).containsExactly("run-0119");
    }

    @Test
    void throttlesAndServerErrorsAreRetried() throws IOException {
        project();
        wandb.failures.add(new MockResponse().setResponseCode(429).setHeader("RateLimit-Remaining", "0")
                .setHeader("RateLimit-Reset", "5").setBody("{\"errors\":[{\"message\":\"rate limit exceeded\"}]}"));
        wandb.failures.add(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3").setBody(""));
        wandb.failures.add(new MockResponse().setResponseCode(502).setBody("<html>bad gateway</html>"));
        Connector c = connector();
        StreamDrain.Result r = StreamDrain.drain(runs(c), null);

        assertThat(r.records()).hasSize(RUNS);
        assertThat(c.stats().retries()).isEqualTo(3);
        assertThat(sleeper.waits()).hasSize(3);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofSeconds(5), Duration.ofMillis(5010));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3010));
        assertThat(sleeper.waits().get(2)).isLessThan(Duration.ofMillis(10));
    }

    @Test
    void persistentFailureNamesSourceStreamAndCursorAndTheSavedCursorResumes() throws IOException {
        project();
        Connector c = connector();
        Page first = runs(c).read(null);
        for (int i = 0; i < 5; i++) wandb.failures.add(new MockResponse().setResponseCode(503).setBody("unavailable"));

        assertThatThrownBy(() -> runs(c).read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessage("wandb: stream runs:ranker: POST /graphql failed after 5 attempts: HTTP 503 unavailable")
                .hasMessageNotContaining(first.nextCursor())
                .hasMessageNotContaining(KEY);
        StreamDrain.Result rest = StreamDrain.drain(runs(c), first.nextCursor());
        assertThat(first.records().size() + rest.records().size()).isEqualTo(RUNS);
        assertThat(rest.records().getFirst().json().path("name").asText()).isEqualTo(name(50));
    }

    @Test
    void graphqlErrorsBecomeConnectorExceptions() throws IOException {
        project();
        wandb.failures.add(FakeWandb.json(FakeWandb.JSON.readTree(
                "{\"errors\":[{\"message\":\"permission denied\",\"path\":[\"project\"]}],\"data\":{\"project\":null}}")));
        Connector c = connector();
        assertThatThrownBy(() -> runs(c).read(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("GraphQL error: permission denied")
                .hasMessageContaining("stream runs:ranker");
    }

    @Test
    void anUnknownProjectIsUnreadableSaysWhatToCheckAndTheNextProjectIsRead() throws IOException {
        project();
        Connector c = connector("enabled: true\nbase-url: BASE\ntoken-env: WANDB_API_KEY\nentity: acme\nprojects: [retired-ranker, ranker]\n",
                Map.of("WANDB_API_KEY", KEY));
        StreamDrain.Result gone = StreamDrain.drain(c.streams().get(0), null);
        assertThat(gone.records()).isEmpty();
        assertThat(gone.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.object()).isEqualTo("project acme/retired-ranker");
            assertThat(u.reason()).startsWith("project not found").contains("wandb.yml");
        });
        assertThat(StreamDrain.drain(c.streams().get(1), null).records()).hasSize(RUNS);
    }

    @Test
    void oneStreamPerProject() throws IOException {
        Connector c = connector("enabled: true\nbase-url: BASE\ntoken-env: WANDB_API_KEY\nentity: acme\nprojects: [ranker, retriever]\n",
                Map.of("WANDB_API_KEY", KEY));
        assertThat(c.streams()).extracting(SourceStream::name).containsExactly("runs:ranker", "runs:retriever");
    }

    @Test
    void missingTokenNamesTheVariable() {
        assertThatThrownBy(() -> connector("enabled: true\nbase-url: BASE\ntoken-env: WANDB_API_KEY\nentity: acme\nprojects: [ranker]\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("WANDB_API_KEY");
    }

    @Test
    void unknownYamlKeyIsAConfigError() {
        assertThatThrownBy(() -> connector("enabled: true\nbase-url: BASE\nentity: acme\nprojects: [ranker]\nproject: x\n",
                Map.of("WANDB_API_KEY", KEY)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'project'");
    }

    @Test
    void missingEntityOrProjectsIsAConfigError() {
        assertThatThrownBy(() -> connector("enabled: true\nbase-url: BASE\nprojects: [ranker]\n", Map.of("WANDB_API_KEY", KEY)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("entity is not set");
        assertThatThrownBy(() -> connector("enabled: true\nbase-url: BASE\nentity: acme\n", Map.of("WANDB_API_KEY", KEY)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("projects must list");
    }

    @Test
    void recordsCarryTheirRawNode() throws IOException {
        project();
        SourceRecord first = StreamDrain.drain(runs(connector()), null).records().getFirst();
        assertThat(first.json().path("config").isTextual()).isTrue();
    }

    @Test
    void shippedDefaultConfigParses() throws IOException {
        WandbSettings s = ConfigDir.parseYaml(Files.readString(Path.of("connectors/wandb.yml")), WandbSettings.class, "connectors/wandb.yml");
        assertThat(s.baseUrl()).isEqualTo("https://api.wandb.ai");
        assertThat(s.tokenEnv()).isEqualTo("WANDB_API_KEY");
        assertThat(s.entity()).isNotBlank();
        assertThat(s.projects()).isNotEmpty();
        assertThat(s.appUrl()).isEqualTo("https://wandb.ai");
        assertThat(s.pageSize()).isEqualTo(50);
    }
}
