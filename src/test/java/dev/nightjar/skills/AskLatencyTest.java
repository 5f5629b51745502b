package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ask and brief, repeated on one workspace, keep answering the same (the walk is batched per hop). The
 * timings are printed for a reader, never asserted: speed is measured by `nightjar bench`
 * (BENCHMARKS.md), since a shared machine under load makes any time limit fail at random.
 */
class AskLatencyTest {

    @TempDir
    Path tmp;

    @Test
    void askAndBriefRepeatedOnTheFixtureKeepAnswering() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            SkillsFixture.seed(ws);
            AskService ask = new AskService(ws, Optional.empty());
            BriefService brief = new BriefService(ws, Optional.empty());
            for (int i = 0; i < 20; i++) ask.ask("Where do we stand on Ranker v2?", Viewer.operator()); // warm-up
            String first = ask.ask("Where do we stand on Ranker v2?", Viewer.operator()).markdown();
            long[] askMs = new long[30], asMs = new long[30], briefMs = new long[30];
            Viewer sam = Viewer.person("sam@example.com", ws.people());
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                assertThat(ask.ask("Where do we stand on Ranker v2?", Viewer.operator()).markdown()).isEqualTo(first).isNotBlank();
                long t1 = System.nanoTime();
                ask.ask("Where do we stand on Ranker v2?", sam);
                long t2 = System.nanoTime();
                assertThat(brief.forTeam("RNK", Duration.ofHours(24))).isNotNull();
                long t3 = System.nanoTime();
                askMs[i] = (t1 - t0) / 1_000;
                asMs[i] = (t2 - t1) / 1_000;
                briefMs[i] = (t3 - t2) / 1_000;
            }
            System.out.printf("ask median %.1f ms, ask --as median %.1f ms, team brief median %.1f ms%n",
                    median(askMs) / 1000.0, median(asMs) / 1000.0, median(briefMs) / 1000.0);
        }
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
