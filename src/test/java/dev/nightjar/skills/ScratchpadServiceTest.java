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
    void anUnknownAuthorIsAUsageError() {
        assertThatThrownBy(() -> scratchpad.add("anything", "nobody@example.com")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown person nobody@example.com");
    }
}
