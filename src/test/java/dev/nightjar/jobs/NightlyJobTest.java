package dev.nightjar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.wandb.FakeWandb;
import dev.nightjar.store.RunStore;
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
    final Map<String, String> env = WandbSandbox.ENV;

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
        return CliRunner.run(config, data, Clock.systemUTC(), env, Map.of("connectorContext", sandbox.context()), args.toArray(String[]::new));
    }

    private Workspace workspace() {
        return new Workspace(data, new ConfigDir(config), Environment.of(env), Clock.systemUTC());
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
        assertThat(failed.err()).contains("sync failed: wandb failed").contains("HTTP 502").contains("cursor");
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
            assertThat(r.err().lines()).singleElement().asString().contains("github failed").doesNotContain("wandb failed");
            assertThat(r.out()).containsPattern("github\\s+FAILED").containsPattern("wandb\\s+COMPLETED\\s+120");
            try (Workspace ws = workspace()) {
                assertThat(ws.documents().query("source = 'wandb'")).hasSize(RUNS);
                RunStore.Run run = ws.runs().recent(1).get(0);
                assertThat(run.status()).isEqualTo("FAILED");
                assertThat(run.sources().get("github").error()).contains("HTTP 500");
            }
        } finally {
            github.shutdown();
        }
    }

    @Test
    void aSecondConcurrentRunIsRefused() {
        try (Workspace ws = workspace()) {
            RunLock.Held held = new RunLock(ws.database(), Clock.systemUTC(), "nightly").tryAcquire().orElseThrow();
            try {
                CliRunner.Result r = sync();
                assertThat(r.exit()).isEqualTo(1);
                assertThat(r.err()).contains("another sync is running");
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
