package dev.nightjar.web;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.ledgers.NoteApprovals;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ResponseEntity;

/** The page a note's citation opens: a clean title, minutes, where it came from, its project and approval. */
class NotePageTest {

    @TempDir
    Path tmp;

    @Test
    void thePageShowsTitleMinutesSlackLinkProjectAndApproval() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            Instant written = Instant.parse("2026-11-24T21:07:33.123456Z");
            Document project = doc("linear:project:rnk", "Neural reranker", "the project", written);
            Document thread = Document.builder(DocumentId.parse("slack:thread:C0SCRATCH/1732482453.123456"))
                    .url("https://kestrel.slack.com/archives/C0SCRATCH/p1732482453123456").title("t").body("b")
                    .createdAt(written).updatedAt(written).build();
            Document note = Document.builder(DocumentId.parse("nightjar:note:abc123")).url("http://localhost:8080/notes/abc123")
                    .title("Scratchpad: scratch: move the <launch> a week?").body("scratch: move the launch a week?")
                    .createdAt(written).updatedAt(written).projects(List.of("linear:project:rnk")).build();
            ws.documents().write(new Normalized(List.of(project, thread, note),
                    List.of(new Link(note.id(), LinkType.REFERENCES, "slack:thread:C0SCRATCH/1732482453.123456")), List.of(), List.of()),
                    d -> TruthAssessment.of(TruthLevel.SCRATCHPAD, "test"));
            new NoteApprovals(ws.database(), ws.clock()).open("nightjar:note:abc123", "C0SCRATCH", "1732482453.123456",
                    "maya@example.com", "linear:project:rnk", List.of());

            ResponseEntity<String> page = new NotePageController(ws).note("abc123");
            assertThat(page.getStatusCode().value()).isEqualTo(200);
            assertThat(page.getBody())
                    .contains("<title>Scratchpad note: move the &lt;launch&gt; a week?</title>")
                    .contains("<h1>move the &lt;launch&gt; a week?</h1>")
                    .contains("2026-11-24 21:07 UTC").doesNotContain("21:07:33").doesNotContain(".123456Z")
                    .contains("<a href=\"https://kestrel.slack.com/archives/C0SCRATCH/p1732482453123456\">")
                    .contains("Project: <a href=\"" + project.url() + "\">Neural reranker</a>")
                    .contains("Approval: waiting");
            assertThat(page.getBody()).doesNotContain("Scratchpad: scratch:");
        }
    }

    @Test
    void titlesLoseOnlyTheirPrefixes() {
        assertThat(NotePageController.cleanTitle("Scratchpad: scratch: ship it")).isEqualTo("ship it");
        assertThat(NotePageController.cleanTitle("Scratchpad: Scratchpad:   ship: it")).isEqualTo("ship: it");
        assertThat(NotePageController.cleanTitle("Scratchpad: ")).isEqualTo("Scratchpad note");
        assertThat(NotePageController.minutes(Instant.parse("2026-01-02T03:04:59.999Z"))).isEqualTo("2026-01-02 03:04 UTC");
    }

    @Test
    void theHomePageIsUsefulAndShowsNoData() {
        assertThat(new HomePageController().home().getBody()).contains("href=\"/health\"").contains("/notes/").contains("/slack/events");
    }
}
