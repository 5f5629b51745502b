package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.scratchpad.Note;
import dev.nightjar.skills.scratchpad.NoteRenderer;
import dev.nightjar.skills.scratchpad.ScratchpadService;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchpadServiceTest {

    static final String RAW = "billing cutover: Priya to draft the rollback runbook by Friday. "
            + "Should we freeze invoices during the cutover? "
            + "Decision: we'll keep the old provider read-only for 30 days because refunds may arrive late.";

    @TempDir
    Path tmp;
    Workspace ws;
    ScratchpadService scratchpad;

    @BeforeEach
    void seed() {
        ws = TempWorkspace.open(tmp);
        SkillsFixture.seed(ws);
        scratchpad = new ScratchpadService(ws, Optional.empty());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aRawNoteNamingAProjectsTopicIsMappedToItWithAnOwnedAction() {
        Note note = scratchpad.add(RAW, "sam@example.com");

        assertThat(note.project()).isNotNull();
        assertThat(note.project().title()).isEqualTo("Billing migration cutover");
        assertThat(note.actions()).singleElement().satisfies(a -> {
            assertThat(a.text()).contains("Priya to draft the rollback runbook by Friday");
            assertThat(a.owner()).isEqualTo("priya@example.com");
        });
        assertThat(note.questions()).containsExactly("Should we freeze invoices during the cutover?");
        assertThat(note.decisions()).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("we'll keep the old provider read-only for 30 days");
            assertThat(d.why()).isEqualTo("refunds may arrive late");
        });
        assertThat(note.summary()).startsWith("billing cutover: Priya to draft");
        assertThat(note.url()).matches("http://localhost:8080/notes/[0-9a-f]{12}");
        assertThat(ContractSchemas.violations("scratchpad", NoteRenderer.jsonText(note))).isEmpty();

        var stored = ws.documents().find(note.id()).orElseThrow();
        assertThat(stored.truth()).isEqualTo(TruthLevel.SCRATCHPAD);
        assertThat(ws.documents().linksFrom(note.id())).anySatisfy(l -> assertThat(l.to()).isEqualTo("linear:project:prj-bill"));

        Answer a = new AskService(ws, Optional.empty()).ask("where do we stand on the billing migration cutover?", Viewer.operator());
        String line = Answers.line(a, "- Scratchpad note");
        assertThat(line).contains("Priya to draft the rollback runbook");
        assertThat(Answers.urlsCitedBy(a, line)).containsExactly(note.url());
        assertThat(a.markdown()).contains("**Scratchpad notes (raw thoughts, not facts)**");
    }

    @Test
    void aNoteThatFitsTwoProjectsEquallyIsUnsureWithCandidates() {
        Note note = scratchpad.add("Need to tidy up the harness and the cutover before the holidays.", "dana@example.com");
        assertThat(note.project()).isNull();
        assertThat(note.candidates()).contains("Offline eval harness", "Billing migration cutover");
        assertThat(note.actions()).hasSize(1);
        assertThat(ContractSchemas.violations("scratchpad", NoteRenderer.jsonText(note))).isEmpty();
    }

    @Test
    void anIssueKeyDecidesTheProject() {
        Note note = scratchpad.add("RNK-104 could reuse last quarter's negatives, let's try it.", "lee@example.com");
        assertThat(note.project().title()).isEqualTo("Ranker v2 training");
    }

    @Test
    void anIssueKeyTypedInLowerCaseDecidesTheProjectToo() {
        Note note = scratchpad.add("rnk-104 could reuse last quarter's negatives, let's try it.", "lee@example.com");
        assertThat(note.project().title()).isEqualTo("Ranker v2 training");
    }

    @Test
    void aPrivateScratchpadChannelMessageKeepsItsAclAndRoutesItsActionToTheOwnersBrief() {
        Note note = scratchpad.add("Ranker v2 training: Lee to rerun the backfill on the GPU pool tonight.", "dana@example.com",
                dev.nightjar.model.Acl.members(java.util.List.of("slack:U0DANA", "slack:U0LEE")), "slack:thread:C0PRIV/1764000100.000200");
        assertThat(note.project().title()).isEqualTo("Ranker v2 training");
        assertThat(note.actions()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("lee@example.com"));

        AskService ask = new AskService(ws, Optional.empty());
        assertThat(dev.nightjar.skills.ask.AnswerRenderer.jsonText(ask.ask("where do we stand on ranker v2 training",
                Viewer.person("sam@example.com", ws.people())))).doesNotContain(note.url()).doesNotContain("rerun the backfill");
        assertThat(dev.nightjar.skills.ask.AnswerRenderer.jsonText(ask.ask("where do we stand on ranker v2 training",
                Viewer.person("lee@example.com", ws.people())))).contains(note.url());

        var brief = new dev.nightjar.skills.brief.BriefService(ws, Optional.empty()).forPerson("lee@example.com", java.time.Duration.ofHours(24));
        assertThat(brief.sheet().bySection().get("Needs your action")).anySatisfy(f -> assertThat(f.text())
                .contains("From a scratchpad note (not confirmed): Ranker v2 training: Lee to rerun the backfill"));
    }

    @Test
    void scratchpadChannelThreadsBecomeNotesOnceAndAreToldOnceInAnswers() {
        java.util.List<Note> made = scratchpad.refreshFromChannels();
        assertThat(made).singleElement().satisfies(n -> {
            assertThat(n.project().title()).isEqualTo("Ranker v2 training"); // through the RNK-102 it names
            assertThat(n.summary()).startsWith("thinking we should push the ranker v2 launch");
        });
        assertThat(scratchpad.refreshFromChannels()).isEmpty();

        Answer a = new AskService(ws, Optional.empty()).ask("where do we stand on ranker v2", Viewer.operator());
        assertThat(a.markdown().lines().filter(l -> l.startsWith("- Scratchpad note"))).singleElement().asString().contains("January 12, 2027");
        assertThat(a.conflicts()).filteredOn(c -> c.text().contains("2027-01-12")).singleElement()
                .satisfies(c -> assertThat(Answers.url(a, c.citations().get(1))).isEqualTo(made.get(0).url()));
    }

    @Test
    void aThreadTheSlackAppPutUpForApprovalIsLeftToThatApproval() {
        var thread = ws.documents().query("source = 'slack' AND properties LIKE ?", "%\"scratchpad\":\"true\"%").get(0);
        String author = ws.people().emailOf(thread.document().author()).orElseThrow();
        Note captured = scratchpad.add(thread.document().body(), author, thread.document().acl(), thread.id());
        new dev.nightjar.slack.NoteRouting(ws).park(captured.id()); // what the Slack app does before asking for approval

        assertThat(scratchpad.refreshFromChannels()).isEmpty();
        assertThat(ws.documents().linksFrom(captured.id())).noneMatch(l -> l.type() == dev.nightjar.model.LinkType.PART_OF);
        assertThat(ws.documents().find(captured.id()).orElseThrow().document().properties()).containsEntry("routing", "pending");
    }

    @Test
    void anUnknownAuthorIsAUsageError() {
        assertThatThrownBy(() -> scratchpad.add("anything", "nobody@example.com")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown person nobody@example.com");
    }

    @Test
    void eachItemOfADumpIsPlacedUnderTheProjectItIsAbout() {
        Note note = scratchpad.add("benchmark the offline eval harness before the freeze, Priya takes it, and we still need to decide "
                + "if the billing migration cutover waits for v3", "dana@example.com");
        assertThat(note.actions()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("priya@example.com"));
        assertThat(note.questions()).containsExactly("Still to decide: whether the billing migration cutover waits for v3");
        assertThat(note.byProject()).extracting(g -> g.project() == null ? null : g.project().title())
                .containsExactly("Offline eval harness", "Billing migration cutover");
        assertThat(note.byProject().get(0).actions()).hasSize(1);
        assertThat(note.byProject().get(1).questions()).hasSize(1);
        String json = NoteRenderer.jsonText(note);
        assertThat(json).contains("\"by_project\"");
        assertThat(ContractSchemas.violations("scratchpad", json)).isEmpty();
    }
}
