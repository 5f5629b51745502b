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

/** Answers come back in milliseconds before any LLM time (the walk is batched per hop). */
class AskLatencyTest {

    @TempDir
    Path tmp;

    @Test
    void askAndBriefOnTheFixtureAreFast() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            SkillsFixture.seed(ws);
            AskService ask = new AskService(ws, Optional.empty());
            BriefService brief = new BriefService(ws, Optional.empty());
            for (int i = 0; i < 20; i++) ask.ask("Where do we stand on Ranker v2?", Viewer.operator()); // warm-up
            long[] askMs = new long[30], asMs = new long[30], briefMs = new long[30];
            Viewer sam = Viewer.person("sam@example.com", ws.people());
            for (int i = 0; i < 30; i++) {
                long t0 = System.nanoTime();
                ask.ask("Where do we stand on Ranker v2?", Viewer.operator());
                long t1 = System.nanoTime();
                ask.ask("Where do we stand on Ranker v2?", sam);
                long t2 = System.nanoTime();
                brief.forTeam("RNK", Duration.ofHours(24));
                long t3 = System.nanoTime();
                askMs[i] = (t1 - t0) / 1_000;
                asMs[i] = (t2 - t1) / 1_000;
                briefMs[i] = (t3 - t2) / 1_000;
            }
            System.out.printf("ask median %.1f ms, ask --as median %.1f ms, team brief median %.1f ms%n",
                    median(askMs) / 1000.0, median(asMs) / 1000.0, median(briefMs) / 1000.0);
            assertThat(median(askMs)).isLessThan(500_000);
            assertThat(median(briefMs)).isLessThan(500_000);
        }
    }

    static long median(long[] v) {
        long[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
