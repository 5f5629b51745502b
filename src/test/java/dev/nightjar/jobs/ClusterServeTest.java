package dev.nightjar.jobs;

import dev.nightjar.store.RunLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.wandb.FakeWandb;
import dev.nightjar.store.RunStore;
import dev.nightjar.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.nightjar.testing.TestClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two `serve` processes on one PostgreSQL database with a cron of every minute: Quartz's clustered JDBC
 * store fires each time on one node only, and when the node running the job is killed (SIGKILL) the
 * other takes the run over and completes it with the same documents as an uninterrupted run.
 */
class ClusterServeTest {

    private static final Pattern PID = Pattern.compile("^(\\d+)@");

    @TempDir
    Path tmp;
    final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void twoNodesFireEachTimeOnceAndTheSurvivorFinishesAKilledRun() throws Exception {
        assumeTrue(TestDatabases.postgres(), "a cluster needs a shared database: runs in the PostgreSQL execution");
        try (WandbSandbox sandbox = new WandbSandbox(tmp.resolve("config"))) {
            sandbox.write("jobs/nightly.yml", "cron: \"0 * * * * ?\"\nzone: UTC\nsources: [wandb]\n");
            Map<String, String> env = TestDatabases.env(tmp.resolve("shared-db"), WandbSandbox.ENV);
            Process a = serve(sandbox, env, "a"), b = serve(sandbox, env, "b");
            try (Workspace observer = new Workspace(tmp.resolve("observer"), new ConfigDir(sandbox.config), Environment.of(env), TestClocks.system())) {
                // phase 1: both nodes up; the start-up catch-up run and the next minute's run complete, each once
                await(Duration.ofMinutes(3), () -> completed(observer) >= 2);
                int firedBeforeKill = fired(), runsBeforeKill = observer.runs().recent(50).size();
                assertThat(firedBeforeKill).as("one fire per run, across both nodes").isEqualTo(runsBeforeKill);

                // phase 2: the next run stops before its second page; its node is killed there
                CountDownLatch secondPage = new CountDownLatch(1), release = new CountDownLatch(1);
                int requestsSoFar = sandbox.requests.get();
                sandbox.override = request -> {
                    if (sandbox.requests.get() >= requestsSoFar + 2) {
                        secondPage.countDown();
                        release.await(60, TimeUnit.SECONDS);
                        return new MockResponse().setResponseCode(503);
                    }
                    return sandbox.wandb.dispatch(request);
                };
                // new W&B runs since the last run: the incremental run reads three pages of them
                List<ObjectNode> more = new ArrayList<>(sandbox.wandb.runs.get("acme/ranker"));
                Instant now = TestClocks.now();
                for (int i = 0; i < WandbSandbox.RUNS; i++) {
                    more.add(FakeWandb.run(String.format("late-%04d", i), "finished", now.minusSeconds(600), now.plusSeconds(i), 0.5));
                }
                sandbox.wandb.runs.put("acme/ranker", more);
                assertThat(secondPage.await(150, TimeUnit.SECONDS)).as("a run reached page 2; logs in " + tmp).isTrue();
                RunLock.Holder holder = new RunLock(observer.database(), TestClocks.system(), NightlyJobFactory.JOB_NAME).holder().orElseThrow();
                Matcher pid = PID.matcher(holder.owner());
                assertThat(pid.find()).isTrue();
                Process running = nodes.stream().filter(p -> p.pid() == Long.parseLong(pid.group(1))).findFirst().orElseThrow();
                long killedRun = observer.runs().recent(1).get(0).id();
                running.destroyForcibly(); // SIGKILL
                assertThat(running.waitFor(30, TimeUnit.SECONDS)).isTrue();
                sandbox.override = null;
                release.countDown();

                await(Duration.ofMinutes(3), () -> observer.runs().find(killedRun).map(r -> "COMPLETED".equals(r.status())).orElse(false));
                Process survivor = running == a ? b : a;
                assertThat(survivor.isAlive()).isTrue();
                assertThat(log(survivor == a ? "a" : "b")).contains("resuming interrupted run #" + killedRun);

                List<RunStore.Run> runs = observer.runs().recent(50);
                assertThat(runs).extracting(RunStore.Run::status).containsOnly("COMPLETED");
                List<String> due = (log("a") + log("b")).lines().filter(l -> l.contains("nightly job fired") && !l.contains("recovering"))
                        .map(l -> l.replaceAll(".*due ([^,)]+).*", "$1")).toList();
                assertThat(due).as("no fire time ran twice, on either node").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(runs.size());
                assertThat(log("a") + log("b")).doesNotContain("nightly job skipped");
                // same documents as an uninterrupted run: every W&B run once, one version each
                assertThat(observer.documents().query("source = 'wandb' AND deleted_at IS NULL")).hasSize(2 * WandbSandbox.RUNS);
                Integer versions = observer.database().jdbc().queryForObject(
                        "SELECT COUNT(*) FROM document_versions WHERE doc_id LIKE 'wandb:run:%'", Integer.class);
                assertThat(versions).isEqualTo(2 * WandbSandbox.RUNS);
            }
        }
    }

    private Process serve(WandbSandbox sandbox, Map<String, String> env, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.nightjar.cli.Main",
                "--config-dir", sandbox.config.toString(), "--data-dir", tmp.resolve("node-" + name).toString(), "serve", "--port", "0");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("node-" + name + ".log").toFile());
        Process p = pb.start();
        nodes.add(p);
        return p;
    }

    private String log(String name) throws IOException {
        Path f = tmp.resolve("node-" + name + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    /** "nightly job fired" lines in both nodes' logs. */
    private int fired() throws IOException {
        return (int) (log("a") + log("b")).lines().filter(l -> l.contains("nightly job fired")).count();
    }

    private static int completed(Workspace ws) {
        return (int) ws.runs().recent(50).stream().filter(r -> "COMPLETED".equals(r.status())).count();
    }

    private void await(Duration limit, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            for (Process p : nodes) {
                if (!p.isAlive() && p.exitValue() != 137 && p.exitValue() != 9) {
                    throw new AssertionError("a node exited with " + p.exitValue() + "; logs in " + tmp + "\n" + log("a") + log("b"));
                }
            }
            if (System.nanoTime() > deadline) throw new AssertionError("timed out; logs in " + tmp + "\n" + log("a") + "\n" + log("b"));
            Thread.sleep(500);
        }
    }
}
