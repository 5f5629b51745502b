package dev.nightjar.truth;

import static dev.nightjar.testing.TestDocs.doc;
import static dev.nightjar.testing.TestDocs.withProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthRefresherTest {

    @TempDir
    Path tmp;
    final Instant now = TempWorkspace.NOW;

    @Test
    void anApprovedPrdSupersedesItsOlderDraftButNotOtherPagesOnTheTopic() {
        Document approved = withProperties(doc("notion:page:prd", "Neural reranker PRD", "Launch 2026-12-16", now.minus(Duration.ofDays(5))),
                Map.of("data_source", "PRDs", "Status", "Approved"));
        Document draft = withProperties(doc("notion:page:draft", "Neural reranker PRD (draft)", "Launch 2026-12-06",
                now.minus(Duration.ofDays(30))), Map.of("data_source", "PRDs", "Status", "Draft"));
        Document notes = doc("notion:page:notes", "Neural reranker PRD", "meeting notes mentioning the PRD", now.minus(Duration.ofDays(40)));
        Document newerDraft = withProperties(doc("notion:page:next", "Neural reranker PRD v3", "Launch 2027-01-10", now.minus(Duration.ofDays(1))),
                Map.of("data_source", "PRDs", "Status", "Draft"));
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(approved, draft, notes, newerDraft));
            TruthRefresher.Result r = ws.truthRefresher().refresh();
            assertThat(ws.documents().find("notion:page:prd").orElseThrow().truth()).isEqualTo(TruthLevel.CANONICAL);
            assertThat(ws.documents().find("notion:page:draft").orElseThrow().supersededBy()).isEqualTo("notion:page:prd");
            assertThat(ws.documents().find("notion:page:notes").orElseThrow().supersededBy()).as("not a PRD row").isNull();
            assertThat(ws.documents().find("notion:page:next").orElseThrow().supersededBy()).as("newer than the approved one").isNull();
            assertThat(r.superseded()).isEqualTo(1);
            // idempotent: a second pass changes nothing
            assertThat(ws.truthRefresher().refresh().updated()).isZero();
        }
    }
}
