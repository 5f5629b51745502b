package dev.nightjar.skills;

import static dev.nightjar.skills.Answers.line;
import static dev.nightjar.skills.Answers.url;
import static dev.nightjar.skills.Answers.urlsCitedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AnswerRenderer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskServiceTest {

    static final String PRD_V2 = "https://www.notion.so/acme/Ranker-v2-PRD-2222";
    static final String SCRATCH = "https://acme.slack.com/archives/C0SCRATCH/p1764000000000100";

    @TempDir
    Path tmp;
    Workspace ws;
    AskService ask;

    @BeforeEach
    void seed() {
        ws = TempWorkspace.open(tmp);
        SkillsFixture.seed(ws);
        ask = new AskService(ws, Optional.empty());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void whereDoWeStandOnAnInitiativeStatesTheCitedFactsAndTheConflict() {
        Answer a = ask.ask("Where do we stand on Ranker v2?", Viewer.operator());

        assertThat(a.subject().kind()).isEqualTo("initiative");
        assertThat(a.subject().title()).isEqualTo("Ranker v2");
        // canonical target date, cited to the current PRD
        assertThat(urlsCitedBy(a, line(a, "Launch date 2026-12-15, per the canonical Ranker v2 PRD"))).containsExactly(PRD_V2);
        // issue progress over both projects of the initiative
        assertThat(line(a, "6 issues in Linear")).contains("2 done", "2 in progress", "1 open", "1 canceled");
        // the blocker chain, every link of it cited
        String chain = line(a, "is blocked by");
        assertThat(chain).contains("RNK-101 Train v2 ranker on click logs", "RNK-102 Feature store backfill", "which is blocked by INF-7 GPU quota increase")
                .contains("(PR #44: changes requested by Lee Park");
        // one hop further: the blocked issue's open PR and the review that requested changes
        assertThat(urlsCitedBy(a, chain)).containsExactly("https://linear.app/acme/issue/RNK-101",
                "https://github.com/acme/ranker/pull/44", "https://github.com/acme/ranker/pull/44#pullrequestreview-9001",
                "https://linear.app/acme/issue/RNK-102", "https://linear.app/acme/issue/INF-7");
        // latest metric against the canonical target
        String metric = line(a, "Latest finished run r-41");
        assertThat(metric).contains("NDCG@10 = 0.412", "short of the canonical target NDCG@10 ≥ 0.42");
        assertThat(urlsCitedBy(a, metric)).containsExactly("https://wandb.ai/acme/ranker/runs/r-41", PRD_V2);
        assertThat(line(a, "Run r-42 crashed")).isNotBlank();
        assertThat(line(a, "Urgent and unassigned: RNK-104")).isNotBlank();
        assertThat(line(a, "changes requested by Lee Park")).contains("#44");
        // the scratchpad proposal is a labelled conflict, canonical side first
        assertThat(a.conflicts()).filteredOn(c -> c.text().contains("2027-01-12")).singleElement().satisfies(c -> {
            assertThat(c.text()).contains("scratchpad note", "2027-01-12", "2026-12-15");
            assertThat(c.citations()).hasSize(2);
            assertThat(url(a, c.citations().get(0))).isEqualTo(PRD_V2);
            assertThat(url(a, c.citations().get(1))).isEqualTo(SCRATCH);
        });
        assertThat(line(a, "- Scratchpad note")).contains("January 12, 2027");
        // a newer working document naming another owner than the canonical PRD
        assertThat(a.conflicts()).filteredOn(c -> c.text().contains("owner")).singleElement().satisfies(c -> {
            assertThat(c.text()).contains("names Lee Park as owner", "says Dana Kim");
            assertThat(url(a, c.citations().get(0))).isEqualTo(PRD_V2);
            assertThat(url(a, c.citations().get(1))).isEqualTo("https://www.notion.so/acme/Ranker-handover-3333");
        });
        assertThat(line(a, "Owner Dana Kim, per the canonical Ranker v2 PRD")).isNotBlank();
        assertThat(a.markdown()).contains("**Scratchpad notes (raw thoughts, not facts)**");
        // the superseded PRD's date is never presented as current
        assertThat(a.markdown()).doesNotContain("2026-12-01").doesNotContain("December 1,");
        assertThat(line(a, "Ranker v2 PRD (v1) is superseded by Ranker v2 PRD")).contains("not current");
        // decisions with their why
        assertThat(line(a, "Decision: we'll backfill only the last 90 days")).contains("why: older click logs lack the dwell-time field");
        // every [n] refers to a citation, every citation has an http(s) URL
        assertThat(a.markdown().lines().filter(l -> l.startsWith("- ")).allMatch(l -> l.matches(".*\\[\\d+]$"))).isTrue();
        assertThat(ContractSchemas.violations("ask", AnswerRenderer.jsonText(a))).isEmpty();
    }

    @Test
    void askedAsSomeoneOutsideThePrivateChannelNothingOfItIsRevealed() {
        Answer outsider = ask.ask("Where do we stand on Ranker v2?", Viewer.person("sam@example.com", ws.people()));
        String json = AnswerRenderer.jsonText(outsider);
        assertThat(json).doesNotContain(SkillsFixture.PRIVATE_SECRET).doesNotContain("C0PRIV").doesNotContain("distilled")
                .doesNotContain("ranker-leads");
        assertThat(outsider.markdown()).contains("Launch date 2026-12-15");

        Answer member = ask.ask("Where do we stand on Ranker v2?", Viewer.person("dana@example.com", ws.people()));
        assertThat(AnswerRenderer.jsonText(member)).contains("distilled ranker").contains("C0PRIV");
    }

    @Test
    void whyQuestionsAnswerFromTheDecisionLogFirst() {
        Answer a = ask.ask("Why did we freeze the feature schema?", Viewer.operator());
        String first = a.markdown().lines().filter(l -> l.startsWith("- ")).findFirst().orElseThrow();
        assertThat(first).contains("Decision: freeze the feature schema until launch", "why: every backfill of RNK-102 costs a day");
        assertThat(urlsCitedBy(a, first)).containsExactly("https://acme.slack.com/archives/C0RANK/p1763900000000300");
    }

    @Test
    void whatIsBlockingAnIssueLeadsWithItsBlockerChain() {
        Answer a = ask.ask("What is blocking RNK-101?", Viewer.operator());
        assertThat(a.subject().kind()).isEqualTo("issue");
        String first = a.markdown().lines().filter(l -> l.startsWith("- ")).findFirst().orElseThrow();
        assertThat(first).contains("RNK-101", "is blocked by RNK-102", "INF-7");
        assertThat(line(a, "changes requested")).contains("#44");
    }

    @Test
    void partialNamesAreMatchedAndAmbiguityIsSaid() {
        Answer billing = ask.ask("where do we stand with the billing cutover", Viewer.operator());
        assertThat(billing.subject().title()).isEqualTo("Billing migration cutover");

        Answer ambiguous = ask.ask("status of billing", Viewer.operator());
        assertThat(ambiguous.subject().candidates()).isNotEmpty();
        assertThat(ambiguous.markdown()).contains("Ambiguous: it also matches");
    }

    @Test
    void whoOwnsAProjectAndWhatIsAPersonOnAreAnsweredToo() {
        Answer owner = ask.ask("Who owns Ranker v2 training?", Viewer.operator());
        assertThat(owner.subject().kind()).isEqualTo("project");
        assertThat(owner.headline()).startsWith("Owner: Dana Kim (lead of the Linear project Ranker v2 training) [");
        assertThat(line(owner, "Linear project Ranker v2 training: status")).contains("lead Dana Kim");

        Answer person = ask.ask("what is Lee Park working on?", Viewer.operator());
        assertThat(person.subject().kind()).isEqualTo("person");
        assertThat(person.subject().key()).isEqualTo("lee@example.com");
        assertThat(person.markdown()).contains("RNK-102").contains("RNK-103");
        assertThat(ContractSchemas.violations("ask", AnswerRenderer.jsonText(person))).isEmpty();
    }

    @Test
    void aFreeTopicIsAnsweredFromSearchWithLabels() {
        Answer a = ask.ask("what about the GPU quota?", Viewer.operator());
        assertThat(a.subject()).isNull();
        assertThat(a.citations()).isNotEmpty();
        assertThat(ContractSchemas.violations("ask", AnswerRenderer.jsonText(a))).isEmpty();
    }
}
