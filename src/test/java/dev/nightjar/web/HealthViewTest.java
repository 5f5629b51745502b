package dev.nightjar.web;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorRegistry;
import dev.nightjar.model.Normalized;
import dev.nightjar.store.RunStore;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `/health`: the run per source, the index lag and missing configuration, as a monitor reads them. */
class HealthViewTest {

    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);
    static final String NIGHTLY = "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: [github, wandb]\n";
    static final Map<String, String> ALL_SET = Map.of("GITHUB_TOKEN", "t", "WANDB_API_KEY", "k", "SLACK_SIGNING_SECRET", "s");

    @Test
    void aFailedSourceAMissingSecretAndTheIndexLagAreReported() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of("jobs/nightly.yml", NIGHTLY))) {
            RunStore runs = ws.runs();
            Instant t = TempWorkspace.NOW.minus(Duration.ofHours(3));
            long first = runs.start(t, false, "github,wandb");
            runs.recordSource(first, counts("github", "COMPLETED"));
            runs.recordSource(first, counts("wandb", "COMPLETED"));
            runs.finish(first, "COMPLETED", t.plusSeconds(60), null);
            long second = runs.start(t.plus(Duration.ofHours(1)), false, "github,wandb");
            runs.recordSource(second, counts("github", "FAILED"));
            runs.recordSource(second, counts("wandb", "COMPLETED"));
            runs.finish(second, "FAILED", t.plus(Duration.ofHours(1)).plusSeconds(60), "github failed: 401 Bad credentials");
            ws.index(); // open (and caught up), then two changes it has not applied: another node's write, which this
            // node's feed follows only on its next drive
            new dev.nightjar.store.DocumentStore(ws.database(), ws.clock()).write(new Normalized(List.of(doc("linear:issue:A-1", "a", "b", t), doc("linear:issue:A-2", "c", "d", t)),
                    List.of(), List.of(), List.of()), d -> ws.truthPolicy().assess(d, Optional.empty(), t));

            Map<String, String> env = Map.of("GITHUB_TOKEN", "t"); // no WANDB_API_KEY, no SLACK_SIGNING_SECRET
            HealthView.Report report = HealthView.of(ws, ConnectorRegistry.builtIn(), Environment.of(env),
                    new HealthView.SchedulerState(true, TempWorkspace.NOW.plus(Duration.ofHours(23))));
            JsonNode json = new ObjectMapper().valueToTree(report.body());
            assertThat(report.healthy()).isFalse();
            assertThat(json.at("/status").asText()).isEqualTo("degraded");
            assertThat(json.at("/sources/github/last_run/status").asText()).isEqualTo("FAILED");
            assertThat(json.at("/sources/github/last_run/id").asLong()).isEqualTo(second);
            assertThat(json.at("/sources/github/last_success_at").asText()).isEqualTo(t.plusSeconds(60).toString());
            assertThat(json.at("/sources/wandb/last_run/status").asText()).isEqualTo("COMPLETED");
            assertThat(json.at("/index/behind_store").asInt()).isEqualTo(2);
            assertThat(json.at("/scheduler/next_run").asText()).isEqualTo("2026-11-26T05:00:00Z");
            assertThat(json.at("/missing_config")).extracting(JsonNode::asText)
                    .anySatisfy(l -> assertThat(l).startsWith("WANDB_API_KEY is not set"))
                    .anySatisfy(l -> assertThat(l).startsWith("SLACK_SIGNING_SECRET is not set").contains("/slack/*"));
            assertThat(json.at("/problems")).extracting(JsonNode::asText)
                    .anySatisfy(l -> assertThat(l).isEqualTo("github: the last run (#" + second + ") FAILED: github failed: 401 Bad credentials"))
                    .noneSatisfy(l -> assertThat(l).startsWith("wandb"))
                    .noneSatisfy(l -> assertThat(l).contains("=t")); // never a value
        }
    }

    @Test
    void allWellIsOk() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of("jobs/nightly.yml", NIGHTLY))) {
            long id = ws.runs().start(TempWorkspace.NOW, false, "github,wandb");
            ws.runs().recordSource(id, counts("github", "COMPLETED"));
            ws.runs().recordSource(id, counts("wandb", "COMPLETED"));
            ws.runs().finish(id, "COMPLETED", TempWorkspace.NOW, null);
            HealthView.Report report = HealthView.of(ws, ConnectorRegistry.builtIn(), Environment.of(ALL_SET),
                    new HealthView.SchedulerState(true, null));
            assertThat(report.body().get("problems")).asList().isEmpty();
            assertThat(report.healthy()).isTrue();
            assertThat(report.body().get("status")).isEqualTo("ok");
        }
    }

    @Test
    void aSourceNeverSyncedAndAStoppedSchedulerAreProblems() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of("jobs/nightly.yml", NIGHTLY))) {
            HealthView.Report report = HealthView.of(ws, ConnectorRegistry.builtIn(), Environment.of(ALL_SET),
                    new HealthView.SchedulerState(false, null));
            assertThat(report.body().get("problems")).asList().map(Object::toString)
                    .contains("github: never synced (run `nightjar sync` or wait for the nightly run)")
                    .anySatisfy(l -> assertThat(l).startsWith("the scheduler is not running"));
        }
    }

    private static RunStore.SourceCounts counts(String source, String status) {
        return new RunStore.SourceCounts(source, status, 1, 2, 3, 0, 0, 0, 4, 0, 100, "FAILED".equals(status) ? "401" : null, java.util.List.of());
    }
}
