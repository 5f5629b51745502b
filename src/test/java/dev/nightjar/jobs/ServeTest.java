package dev.nightjar.jobs;

import dev.nightjar.testing.TestClocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.store.RunStore;
import dev.nightjar.testing.TestDatabases;
import dev.nightjar.web.HealthController;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** `serve` as a process would run it: scheduler, health endpoint, the missed run fired once at start-up. */
class ServeTest {

    @TempDir
    Path tmp;

    @Test
    void serveFiresTheMissedRunOnceAndReportsHealthy() throws Exception {
        try (WandbSandbox sandbox = new WandbSandbox(tmp.resolve("config"));
             Workspace ws = new Workspace(tmp.resolve("data"), new ConfigDir(sandbox.config), Environment.of(TestDatabases.env(tmp.resolve("data"), WandbSandbox.ENV)), TestClocks.system());
             ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SERVE,
                     Map.of("connectorContext", sandbox.context()), Map.of("server.port", "0"),
                     ScheduleConfiguration.class, HealthController.class, dev.nightjar.web.NotePageController.class,
                     dev.nightjar.web.HomePageController.class)) {
            String port = spring.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

            // a scratchpad note's citation URL is a page; a note from a private channel is not served
            ws.documents().write(new dev.nightjar.model.Normalized(java.util.List.of(
                    dev.nightjar.testing.TestDocs.doc("nightjar:note:abc123", "Scratchpad: <b>move</b> launch?", "raw thought", TestClocks.now()),
                    dev.nightjar.testing.TestDocs.privateTo(dev.nightjar.testing.TestDocs.doc("nightjar:note:def456", "Scratchpad: secret",
                            "private thought", TestClocks.now()), "slack:U1")), java.util.List.of(), java.util.List.of(), java.util.List.of()),
                    d -> dev.nightjar.model.TruthAssessment.of(dev.nightjar.model.TruthLevel.SCRATCHPAD, "test"));
            // as every writer in the product does (the scratchpad skill, the job): the index follows the write.
            // Without it the start-up run racing this write may finish first and leave these two behind.
            ws.index().catchUp(ws.documents());
            HttpResponse<String> note = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes/abc123")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(note.statusCode()).isEqualTo(200);
            assertThat(note.body()).contains("<h1>&lt;b&gt;move&lt;/b&gt; launch?</h1>").contains("raw thought");
            HttpResponse<String> hidden = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes/def456")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("private thought");

            // no run ever happened, so start-up fires one; it must complete, and only one must start
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && ws.runs().recent(5).stream().noneMatch(r -> "COMPLETED".equals(r.status()))) {
                Thread.sleep(200);
            }
            Thread.sleep(500);
            assertThat(ws.runs().recent(5)).extracting(RunStore.Run::status).containsExactly("COMPLETED");
            assertThat(ws.documents().query("source = 'wandb'")).hasSize(WandbSandbox.RUNS);

            // liveness stays ok; the health view names what is missing (no signing secret here) with 503
            HttpResponse<String> view = get(port, "/health");
            assertThat(view.statusCode()).isEqualTo(503);
            assertThat(view.body()).contains("\"status\":\"degraded\"").contains("\"wandb\":{\"last_run\":{")
                    .contains("SLACK_SIGNING_SECRET is not set").contains("\"behind_store\":0");
            assertThat(get(port, "/healthz").body()).isEqualTo("{\"status\":\"ok\"}");
            HttpResponse<String> home = get(port, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("href=\"/health\"");
            assertThat(get(port, "/no-such-page").statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<String> get(String port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
