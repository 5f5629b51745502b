package dev.nightjar.connectors.wandb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.nightjar.Workspace;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.List;

class WandbNormalizerTest {

    @TempDir
    Path tmp;

    final WandbNormalizer normalizer = new WandbNormalizer("https://wandb.ai");

    ObjectNode node() {
        ObjectNode n = FakeWandb.resource("run_node.json").deepCopy();
        n.remove("_note");
        return n;
    }

    Normalized normalize(ObjectNode n) {
        return normalizer.normalize(new SourceRecord("runs:ranker", "acme/ranker", n));
    }

    @Test
    void runBecomesADocumentWithParsedSummaryMetrics() {
        Normalized n = normalize(node());
        Document d = n.documents().getFirst();
        assertThat(d.id().toString()).isEqualTo("wandb:run:acme/ranker/3k2j1abc");
        assertThat(d.url()).isEqualTo("https://wandb.ai/acme/ranker/runs/3k2j1abc");
        assertThat(d.title()).isEqualTo("ranker-lr-sweep ASR-117");
        assertThat(d.state()).isEqualTo("finished");
        assertThat(d.author()).isEqualTo("wandb:jordanl");
        assertThat(d.createdAt()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(d.updatedAt()).isEqualTo(Instant.parse("2026-07-01T12:30:00Z"));
        assertThat(d.labels()).containsExactly("baseline", "ASR-117");
        // summaryMetrics arrived as a JSON string: numbers parsed, nested keys dotted
        assertThat(d.metrics()).containsEntry("loss", 0.1234)
                .containsEntry("eval.ndcg@10", 0.712).containsEntry("eval.mrr", 0.65)
                .containsEntry("_runtime", 9000.5).containsEntry("_step", 1200.0)
                .doesNotContainKeys("_timestamp", "_wandb.runtime", "best", "model_name", "nan_metric")
                .doesNotContainKey("confusion.path");
        assertThat(d.properties()).containsEntry("entity", "acme").containsEntry("project", "ranker")
                .containsEntry("group", "lr-sweep").containsEntry("job_type", "train")
                .containsEntry("commit", "9fceb02d0ae598e95dc970b74767f19372d61af8")
                .containsEntry("display_name", "ranker-lr-sweep ASR-117")
                .containsEntry("heartbeat_at", "2026-07-01T12:30:00")
                .containsEntry("git_remote", "git@github.com:acme/ranker.git")
                .containsEntry("config.lr", "0.001").containsEntry("config.batch_size", "256")
                .containsEntry("config.model.layers", "12").containsEntry("config.model.name", "ranker-small")
                .doesNotContainKey("config._wandb.cli_version");
        assertThat(d.body()).contains("Fixes ASR-120").contains("loss=0.1234");
        assertThat(d.rawJson()).contains("3k2j1abc");
        assertThat(n.people()).singleElement().satisfies(p -> {
            assertThat(p.identity()).isEqualTo("wandb:jordanl");
            assertThat(p.email()).isEqualTo("jordan@example.com");
            assertThat(p.name()).isEqualTo("Jordan Lee");
        });
    }

    @Test
    void runLinksToItsCommitTheGithubCommitAndIssues() {
        Normalized n = normalize(node());
        assertThat(n.links()).extracting(l -> l.type() + " " + l.to()).contains(
                "AT_COMMIT commit:9fceb02d0ae598e95dc970b74767f19372d61af8",
                "REFERENCES github:commit:acme/ranker@9fceb02d0ae598e95dc970b74767f19372d61af8",
                "REFERENCES linear:issue:ASR-117",
                "CLOSES linear:issue:ASR-120");
    }

    @Test
    void commitFromConfigWhenTheFieldIsEmpty() {
        ObjectNode n = node();
        n.putNull("commit");
        n.put("config", "{\"git_commit\": {\"value\": \"ABCDEF1234567\"}, \"git_remote\": {\"value\": \"https://github.com/acme/ranker\"}}");
        Normalized out = normalize(n);
        assertThat(out.documents().getFirst().properties()).containsEntry("commit", "abcdef1234567");
        assertThat(out.links()).extracting(l -> l.to()).contains("commit:abcdef1234567",
                "github:commit:acme/ranker@abcdef1234567");
    }

    @Test
    void nonGithubRemoteGetsOnlyTheCommitLink() {
        ObjectNode n = node();
        n.put("config", "{\"git\": {\"value\": {\"remote\": \"https://gitlab.com/acme/ranker.git\"}}}");
        assertThat(normalize(n).links()).extracting(l -> l.to())
                .contains("commit:9fceb02d0ae598e95dc970b74767f19372d61af8")
                .noneMatch(to -> to.startsWith("github:"));
    }

    @Test
    void appUrlIsConfigurable() {
        Document d = new WandbNormalizer("https://wandb.acme.internal/").normalize(
                new SourceRecord("runs:ranker", "acme/ranker", node())).documents().getFirst();
        assertThat(d.url()).isEqualTo("https://wandb.acme.internal/acme/ranker/runs/3k2j1abc");
    }

    @Test
    void stateIsLowerCasedAndMissingPiecesAreTolerated() {
        ObjectNode n = node();
        n.put("state", "KILLED");
        n.putNull("user");
        n.putNull("summaryMetrics");
        n.putNull("config");
        n.putNull("displayName");
        Document d = normalize(n).documents().getFirst();
        assertThat(d.state()).isEqualTo("killed");
        assertThat(d.title()).isEqualTo("3k2j1abc");
        assertThat(d.author()).isNull();
        assertThat(d.metrics()).isEmpty();
    }

    @Test
    void malformedRecords() {
        ObjectNode n = node();
        n.remove("name");
        assertThatThrownBy(() -> normalize(n)).isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void summaryJsonBeyondRepairLosesOnlyTheMetricsNotTheRun() {
        ObjectNode bad = node();
        bad.put("summaryMetrics", "{not json");
        Document d = normalize(bad).documents().get(0);
        assertThat(d.metrics()).isEmpty();
        assertThat(d.state()).isNotNull();
    }

    /** As W&B's own writer emits them: bare NaN/Infinity/-Infinity and raw control characters inside strings. */
    @Test
    void looseJsonFromWandbsWriterKeepsTheRunAndShowsNonFiniteMetricsAsSuch() {
        ObjectNode n = node();
        n.put("state", "crashed");
        n.put("summaryMetrics", "{\"loss\": NaN, \"grad_norm\": Infinity, \"eval\": {\"ndcg@10\": 0.391, \"delta\": -Infinity},"
                + " \"note\": \"diverged\tat step 1200\nafter warmup\u0001\"}");
        n.put("config", "{\"lr\": {\"value\": 0.01}, \"prompt\": {\"value\": \"line one\nline\ttwo\"}}");

        Document d = normalize(n).documents().getFirst();

        assertThat(d.state()).isEqualTo("crashed");
        assertThat(d.title()).isEqualTo("ranker-lr-sweep ASR-117");
        // only finite numbers are metrics, so nothing compares NaN with a target
        assertThat(d.metrics()).containsEntry("eval.ndcg@10", 0.391).doesNotContainKeys("loss", "grad_norm", "eval.delta");
        assertThat(d.properties()).containsEntry("metric.loss", "NaN").containsEntry("metric.grad_norm", "Infinity")
                .containsEntry("metric.eval.delta", "-Infinity")
                .containsEntry("config.lr", "0.01").containsEntry("config.prompt", "line one\nline\ttwo");
        assertThat(d.body()).contains("loss=NaN").contains("grad_norm=Infinity").contains("eval.ndcg@10=0.391");

        // and the store keeps it as it is
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(d));
            Document stored = ws.documents().find(d.id().toString()).orElseThrow().document();
            assertThat(stored.state()).isEqualTo("crashed");
            assertThat(stored.properties()).containsEntry("metric.loss", "NaN");
            assertThat(stored.metrics()).containsEntry("eval.ndcg@10", 0.391).doesNotContainKey("loss");
        }
    }
}
