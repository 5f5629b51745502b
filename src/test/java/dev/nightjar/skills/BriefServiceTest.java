package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefRenderer;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefServiceTest {

    static final String PR_41 = "https://github.com/acme/ranker/pull/41";
    static final String PR_38 = "https://github.com/acme/ranker/pull/38";
    static final String RUN_42 = "https://wandb.ai/acme/ranker/runs/r-42";

    @TempDir
    Path tmp;
    Workspace ws;
    BriefService briefs;

    @BeforeEach
    void seed() {
        ws = TempWorkspace.open(tmp);
        SkillsFixture.seed(ws);
        briefs = new BriefService(ws, Optional.empty());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Brief b, String section) {
        return BriefRenderer.json(b).get("sections") instanceof List<?> sections
                ? ((List<Map<String, Object>>) sections).stream().filter(s -> s.get("title").equals(section))
                .flatMap(s -> ((List<Map<String, Object>>) s.get("items")).stream()).toList()
                : List.of();
    }

    static List<String> sectionTitles(Brief b) {
        return b.sheet().bySection().keySet().stream().toList();
    }

    @Test
    void aTeamBriefOverTwentyFourHoursHasLastNightsMergeAndCrashButNotAnOlderMerge() {
        Brief b = briefs.forTeam("RNK", Duration.ofHours(24));
        String json = BriefRenderer.jsonText(b);
        assertThat(ContractSchemas.violations("brief", json)).isEmpty();

        assertThat(items(b, "Merged pull requests")).singleElement().satisfies(i -> {
            assertThat((String) i.get("text")).contains("#41 RNK-103: NDCG@10 eval job");
            assertThat((List<String>) i.get("citations")).containsExactly(PR_41);
        });
        assertThat(json).doesNotContain(PR_38).doesNotContain("RNK-105 tokenizer cleanup");
        assertThat(items(b, "Experiments")).anySatisfy(i -> {
            assertThat((String) i.get("text")).contains("Run r-42 crashed");
            assertThat((List<String>) i.get("citations")).containsExactly(RUN_42);
        });
        // the finished run with its delta against the previous run and the canonical target
        assertThat(items(b, "Experiments")).anySatisfy(i -> assertThat((String) i.get("text"))
                .contains("Run r-41 finished", "eval/ndcg@10 = 0.412 (+0.017 vs r-40), short of the target NDCG@10 ≥ 0.42"));
        assertThat(items(b, "Needs your action")).anySatisfy(i -> assertThat((String) i.get("text")).contains("Changes requested on #44"));
        assertThat(items(b, "Issues moved")).anySatisfy(i -> assertThat((String) i.get("text")).contains("RNK-103", "moved to done"));
        assertThat(items(b, "Conflicts and stale canonical documents")).anySatisfy(i -> assertThat((String) i.get("text")).contains("2027-01-12"));
        // ranked by what needs action first
        assertThat(sectionTitles(b).get(0)).isEqualTo("Needs your action");
        // a team brief is posted to a channel: nothing from a private channel
        assertThat(json).doesNotContain("C0PRIV").doesNotContain(SkillsFixture.PRIVATE_SECRET);
    }

    @Test
    void aThreeDayWindowIncludesTheOlderMerge() {
        Brief b = briefs.forTeam("RNK", Duration.ofDays(4));
        assertThat(BriefRenderer.jsonText(b)).contains(PR_38);
    }

    @Test
    void aPersonalBriefHasTheirMentionsAndReviewsAndTheirPrivateChannel() {
        Brief sam = briefs.forPerson("sam@example.com", Duration.ofDays(3));
        // Dana wrote the message that mentions Sam; Lee only started the thread
        assertThat(items(sam, "Mentions")).singleElement().satisfies(i -> assertThat((String) i.get("text"))
                .startsWith("Dana Kim mentioned you in #ranker").contains("can you confirm the GPU quota ask").doesNotContain("Lee Park"));
        assertThat(BriefRenderer.jsonText(sam)).doesNotContain("C0PRIV");

        Brief dana = briefs.forPerson("dana@example.com", Duration.ofHours(24));
        assertThat(items(dana, "Needs your action")).anySatisfy(i -> assertThat((String) i.get("text")).contains("Changes requested on #44", "Lee Park"));
        assertThat(items(dana, "New decisions")).anySatisfy(i -> assertThat((String) i.get("text")).contains("distilled ranker"));
        String md = BriefRenderer.markdown(dana);
        // the title names the person; the contract's audience stays the e-mail
        assertThat(md).startsWith("# Morning brief for Dana Kim\n").contains("## Needs your action").contains("[1]");
        assertThat(BriefRenderer.json(dana)).containsEntry("audience", "dana@example.com");
        assertThat(ContractSchemas.violations("brief", BriefRenderer.jsonText(dana))).isEmpty();
    }

    @Test
    void unknownTeamsAndPeopleAreUsageErrors() {
        assertThatThrownBy(() -> briefs.forTeam("NOPE", Duration.ofHours(24))).isInstanceOf(ConfigException.class).hasMessageContaining("unknown team NOPE");
        assertThatThrownBy(() -> briefs.forPerson("ghost@example.com", Duration.ofHours(24))).isInstanceOf(ConfigException.class);
    }
}
