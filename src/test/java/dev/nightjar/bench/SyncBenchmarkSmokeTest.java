package dev.nightjar.bench;

import dev.nightjar.testing.TestClocks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures 3 and 4 end to end, once, without the connectors' real waits. Checks shape, never speed. */
class SyncBenchmarkSmokeTest {

    @TempDir
    Path dir;

    @Test
    void measuresEverySourceAndTheIncrementalSyncSeesEveryEdit() throws Exception {
        SyncBenchmark.Result r = new SyncBenchmark(dir, 1, TestClocks.system(), false, duration -> { }).run(new PrintWriter(new StringWriter()));

        assertThat(r.first().http().keySet()).containsExactlyElementsOf(SandboxServers.SOURCES);
        assertThat(r.first().http().values()).allMatch(c -> c.requests() > 0);
        assertThat(r.documents()).isPositive();
        // figure 4 is only meaningful if the ~1% sync wrote what was edited
        for (String source : SandboxServers.SOURCES) {
            RunStore.SourceCounts c = r.incremental().getFirst().sources().get(source);
            assertThat(c.created() + c.changed()).as(source).isGreaterThanOrEqualTo(r.edited().getOrDefault(source, 0)); // arXiv papers are not edited
        }
        // GitHub: the first quiet night after a sync spends no quota (every first page answers 304)
        assertThat(r.unchanged().http().get("github").quotaUsed()).isZero();
        // Slack: the ~1% night fits in the tiers' bursts; waits are the sleeper's recorded durations, not timed
        assertThat(r.incremental().getFirst().waitedMillis().get("slack")).isLessThanOrEqualTo(1_500L);
        String table = BenchReport.markdown(null, null, r);
        assertThat(table).contains("| github |", "Σ ceil(items / max page size)", "`--full`");
    }
}
