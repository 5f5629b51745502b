package dev.nightjar.jobs;

import dev.nightjar.store.RunLock;
import dev.nightjar.testing.TestClocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.wandb.FakeWandb;
import dev.nightjar.store.RunStore;
import dev.nightjar.testing.ContractSchemas;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nightly job end to end through `nightjar sync`, against W&B and GitHub served by MockWebServer. */
class NightlyJobTest {

    static final int RUNS = WandbSandbox.RUNS;
    Map<String, String> env;

    @TempDir
    Path tmp;
    Path config, data;
    WandbSandbox sandbox;
    FakeWandb wandb;
    AtomicInteger wandbRequests;

    @BeforeEach
    void start() throws IOException {
        sandbox = new WandbSandbox(tmp.resolve("config"));
        wandb = sandbox.wandb;
        wandbRequests = sandbox.requests;
        config = sandbox.config;
        data = tmp.resolve("data");
        env = TestDatabases.env(data, WandbSandbox.ENV); // H2, or this test's own PostgreSQL database
    }

    @AfterEach
    void stop() throws IOException {
        sandbox.close();
    }

    private void write(String relative, String text) throws IOException {
        sandbox.write(relative, text);
    }

    private CliRunner.Result sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync"));
        args.addAll(List.of(extra));
        return CliRunner.run(config, data, TestClocks.system(), env, Map.of("connectorContext", sandbox.context()), args.toArray(String[]::new));
    }

    private Workspace workspace() {
        return new Workspace(data, new ConfigDir(config), Environment.of(env), TestClocks.system());
    }

    private int versionsOfAllRuns(Workspace ws) {
        Integer n = ws.database().jdbc().queryForObject("SELECT COUNT(*) FROM document_versions WHERE doc_id LIKE 'wandb:run:%'", Integer.class);
        return n == null ? 0 : n;
    }

    @Test
    void fullRunThenAnIncrementalRunThatChangesNothingWritesNoNewVersions() {
        CliRunner.Result first = sync();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("COMPLETED").containsPattern("wandb\\s+COMPLETED\\s+120\\s+0\\s+0");
        // not a terminal: plain progress lines on stderr, the last with the source's totals
        assertThat(first.err().lines().toList()).last().asString().matches("sync: wandb: 120 records read, \\d+ requests, 0 waits");

        CliRunner.Result second = sync();
        assertThat(second.exit()).as(second.err()).isZero();
        try (Workspace ws = workspace()) {
            RunStore.SourceCounts counts = ws.runs().recent(1).get(0).sources().get("wandb");
            assertThat(counts.created()).isZero();
            assertThat(counts.changed()).isZero();
            assertThat(counts.requests()).isEqualTo(1); // one filtered page, nothing new
            assertThat(versionsOfAllRuns(ws)).isEqualTo(RUNS);
            assertThat(ws.index().documentCount()).isEqualTo(RUNS);
            assertThat(ws.runs().recent(5)).extracting(RunStore.Run::status).containsExactly("COMPLETED", "COMPLETED");
        }
    }

    @Test
    void aRunThatFailsMidWayResumesFromTheLastCommittedPageAndConverges() {
        // page 1 is served, then W&B fails every request: the step fails after its retries
        sandbox.override = request -> wandbRequests.get() == 1 ? wandb.dispatch(request) : new MockResponse().setResponseCode(502);
        CliRunner.Result failed = sync();
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("sync failed: wandb failed").contains("HTTP 502").contains("stream runs:ranker: ").doesNotContain("cursor");
        try (Workspace ws = workspace()) {
            assertThat(ws.documents().query("source = 'wandb'")).hasSize(50);
            assertThat(ws.runs().recent(1).get(0).status()).isEqualTo("FAILED");
        }

        sandbox.override = null;
        wandb.requests.clear();
        CliRunner.Result resumed = sync();
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(wandb.requests.get(0).variables().path("cursor").asText()).as("continues after page 1").isEqualTo("cursor:49");
        try (Workspace ws = workspace()) {
            assertThat(ws.documents().query("source = 'wandb' AND deleted_at IS NULL")).hasSize(RUNS);
            assertThat(versionsOfAllRuns(ws)).as("no duplicates, no re-versions").isEqualTo(RUNS);
        }
    }

    @Test
    void oneFailingSourceDoesNotStopTheOthersAndTheJobEndsFailedNamingIt() throws IOException {
        MockWebServer github = new MockWebServer();
        github.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse().setResponseCode(500).setBody("{\"message\":\"Server Error\"}");
            }
        });
        github.start();
        try {
            write("connectors/github.yml", "enabled: true\nbase-url: " + github.url("/") + "\ntoken-env: GITHUB_TOKEN\nrepos: [acme/api]\n");
            write("jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: [wandb, github]\n");
            CliRunner.Result r = sync();
            assertThat(r.exit()).isEqualTo(1);
            // one line naming source, stream and the request's object, each once
            // progress lines ("sync: wandb: ...") aside
            assertThat(r.err().lines().filter(l -> l.startsWith("nightjar:"))).singleElement().asString()
                    .isEqualTo("nightjar: sync failed: github failed: stream pulls:acme/api: GET /repos/acme/api/pulls "
                            + "failed after " + (sandbox.context().retryPolicy().maxRetries() + 1) + " attempts: HTTP 500 {\"message\":\"Server Error\"}");
            assertThat(r.out()).containsPattern("github\\s+FAILED").containsPattern("wandb\\s+COMPLETED\\s+120");
            try (Workspace ws = workspace()) {
                assertThat(ws.documents().query("source = 'wandb'")).hasSize(RUNS);
                RunStore.Run run = ws.runs().recent(1).get(0);
                assertThat(run.status()).isEqualTo("FAILED");
                assertThat(run.sources().get("github").error()).contains("HTTP 500");
                // the requests of a source that failed before writing anything are counted too
                assertThat(run.sources().get("github").requests()).isEqualTo(github.getRequestCount());
                assertThat(run.sources().get("github").retries()).isEqualTo(sandbox.context().retryPolicy().maxRetries());
            }
        } finally {
            github.shutdown();
        }
    }

    @Test
    void anEmptyRepositoryIsCountedUnreadableWithItsReasonInSyncAndStatusAndTheSourceCompletes() throws IOException {
        MockWebServer github = new MockWebServer();
        github.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getRequestUrl().encodedPath();
                if (path.equals("/repos/kestrel/fresh-start/commits")) {
                    return new MockResponse().setResponseCode(409).setHeader("Content-Type", "application/json")
                            .setBody("{\"message\":\"Git Repository is empty.\",\"documentation_url\":\"https://docs.github.com/rest/commits/commits#list-commits\",\"status\":\"409\"}");
                }
                return new MockResponse().setHeader("Content-Type", "application/json").setBody("[]");
            }
        });
        github.start();
        try {
            write("connectors/github.yml", "enabled: true\nbase-url: " + github.url("/") + "\ntoken-env: GITHUB_TOKEN\nrepos: [kestrel/fresh-start]\n");
            write("jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: [wandb, github]\n");
            CliRunner.Result r = sync();
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.err().lines().filter(l -> !l.startsWith("sync: "))).as(r.err()).isEmpty();
            assertThat(r.out()).containsPattern("github\\s+COMPLETED\\s+0\\s+0\\s+0\\s+0\\s+0\\s+1\\s")
                    .contains("github unreadable repo kestrel/fresh-start commits (commits:kestrel/fresh-start): HTTP 409 Git Repository is empty.");

            CliRunner.Result status = CliRunner.run(config, data, TestClocks.system(), env, "status", "--format", "json");
            assertThat(ContractSchemas.violations("status", status.out())).isEmpty();
            JsonNode run = new ObjectMapper().readTree(status.out()).path("runs").path(0);
            assertThat(run.at("/sources/github/unreadable").asInt()).isEqualTo(1);
            assertThat(run.at("/sources/github/skipped").asInt()).isZero();
            assertThat(run.at("/sources/github/requests").asInt()).isEqualTo(github.getRequestCount());
            assertThat(run.path("skips")).singleElement().satisfies(skip -> {
                assertThat(skip.path("source").asText()).isEqualTo("github");
                assertThat(skip.path("kind").asText()).isEqualTo("unreadable");
                assertThat(skip.path("object").asText()).isEqualTo("repo kestrel/fresh-start commits");
                assertThat(skip.path("reason").asText()).isEqualTo("HTTP 409 Git Repository is empty.");
            });
            CliRunner.Result text = CliRunner.run(config, data, TestClocks.system(), env, "status");
            assertThat(text.out()).contains("unreadable 1,")
                    .contains("unreadable repo kestrel/fresh-start commits (commits:kestrel/fresh-start): HTTP 409 Git Repository is empty.");
        } finally {
            github.shutdown();
        }
    }

    @Test
    void jsonOutputIsTheRunAndNothingElse() throws Exception {
        CliRunner.Result r = sync("--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(json.at("/status").asText()).isEqualTo("COMPLETED");
        assertThat(json.at("/sources/wandb/new").asInt()).isEqualTo(RUNS);
    }

    @Test
    void aSecondConcurrentRunIsRefused() {
        try (Workspace ws = workspace()) {
            RunLock.Held held = new RunLock(ws.database(), TestClocks.system(), "nightly").tryAcquire().orElseThrow();
            try {
                CliRunner.Result r = sync();
                assertThat(r.exit()).as("a refused start is not a failed run").isEqualTo(dev.nightjar.cli.Cli.BUSY);
                assertThat(r.err().strip()).startsWith("nightjar: not started: another sync is running").doesNotContain("--debug")
                        .doesNotContain("\n");
                assertThat(wandbRequests.get()).isZero();
            } finally {
                held.close();
            }
        }
    }

    @Test
    void syncKilledWithSigkillResumesAndConverges() throws Exception {
        CountDownLatch secondPageAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.override = request -> {
            if (wandbRequests.get() >= 2) {
                secondPageAsked.countDown();
                release.await(330, TimeUnit.SECONDS); // the child is killed while it waits for page 2
                return new MockResponse().setResponseCode(503);
            }
            return wandb.dispatch(request);
        };
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.nightjar.cli.Main",
                "--config-dir", config.toString(), "--data-dir", data.toString(), "sync");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
        Process child = pb.start();
        try {
            // generous: a new JVM starting Spring on a loaded 2-core machine took over a minute to get there
            assertThat(secondPageAsked.await(300, TimeUnit.SECONDS)).as("child reached page 2; log: " + tmp.resolve("child.log")).isTrue();
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            child.destroyForcibly();
        }
        sandbox.override = null;
        try (Workspace ws = workspace()) {
            assertThat(ws.runs().recent(1).get(0).status()).as("the killed run is left STARTED").isEqualTo("STARTED");
            assertThat(ws.documents().query("source = 'wandb'")).hasSize(50);
        }
        wandb.requests.clear();
        CliRunner.Result resumed = sync();
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed an interrupted run");
        assertThat(wandb.requests.get(0).variables().path("cursor").asText()).isEqualTo("cursor:49");
        try (Workspace ws = workspace()) {
            assertThat(ws.documents().query("source = 'wandb'")).hasSize(RUNS);
            assertThat(versionsOfAllRuns(ws)).isEqualTo(RUNS);
            assertThat(ws.index().documentCount()).isEqualTo(RUNS);
            assertThat(ws.runs().recent(5)).hasSize(1).first().extracting(RunStore.Run::status).isEqualTo("COMPLETED");
        }
    }
}
