package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canonical PRD past its review date is labelled stale in answers and lands in its owner's brief. */
class StaleCanonicalTest {

    static final String TRUTH = """
            review-every: 90d
            defaults: {linear: record, github: record, wandb: record, notion: working, slack: working, nightjar: scratchpad}
            rules:
              - name: approved-prds
                source: notion
                properties: {data_source: PRDs, Status: Approved}
                level: canonical
                review-every: 7d
              - name: scratchpad-channels
                source: slack
                properties: {scratchpad: "true"}
                level: scratchpad
            """;

    @TempDir
    Path tmp;

    @Test
    void staleCanonicalIsFlaggedAndRoutedToItsOwner() {
        try (Workspace ws = TempWorkspace.open(tmp, Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC), Map.of("index/truth.yml", TRUTH))) {
            SkillsFixture.seed(ws);
            Answer a = new AskService(ws, Optional.empty()).ask("where do we stand on ranker v2", Viewer.operator());
            assertThat(Answers.line(a, "Launch date 2026-12-15")).contains("(stale: past its review date 2026-11-22; confirm before relying on it)");

            Brief dana = new BriefService(ws, Optional.empty()).forPerson("dana@example.com", Duration.ofHours(24));
            assertThat(dana.sheet().bySection().get("Conflicts and stale canonical documents"))
                    .anySatisfy(f -> assertThat(f.text()).contains("Ranker v2 PRD is canonical but past its review date (2026-11-22)"));
            Brief sam = new BriefService(ws, Optional.empty()).forPerson("sam@example.com", Duration.ofHours(24));
            assertThat(sam.sheet().facts()).noneSatisfy(f -> assertThat(f.text()).contains("past its review date"));
        }
    }
}
