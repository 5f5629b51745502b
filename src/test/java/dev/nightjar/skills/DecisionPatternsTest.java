package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.skills.decisions.DecisionPatterns;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.testing.TestDocs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionPatternsTest {

    @TempDir
    Path tmp;

    @Test
    void findsDecisionsWithTheirWhyAndSpeaker() {
        assertThat(DecisionPatterns.find("Lee Park: Decision: we'll go with Postgres because ops already runs it.")).singleElement()
                .satisfies(f -> {
                    assertThat(f.text()).isEqualTo("go with Postgres");
                    assertThat(f.why()).isEqualTo("ops already runs it");
                    assertThat(f.speaker()).isEqualTo("Lee Park");
                });
        assertThat(DecisionPatterns.find("We decided to drop Safari 14.\nWhy: it is under 0.3% of traffic.")).singleElement()
                .satisfies(f -> {
                    assertThat(f.text()).isEqualTo("drop Safari 14");
                    assertThat(f.why()).isEqualTo("it is under 0.3% of traffic");
                });
        assertThat(DecisionPatterns.find("we're going with the blue design")).singleElement()
                .satisfies(f -> assertThat(f.why()).isNull());
        assertThat(DecisionPatterns.find("We should decide soon. Nothing decided yet?")).isEmpty();
    }

    @Test
    void theLogFollowsEveryCommitReadingOnlyChangedDocumentsAndReplacingTheirDecisions() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            Document thread = TestDocs.doc("slack:thread:C1/1.1", "#eng: db", "Lee: decided to use Postgres since ops knows it",
                    TempWorkspace.NOW);
            TempWorkspace.ingest(ws, List.of(thread, TestDocs.doc("github:pr:o/r#1", "PR", "Decision: not a decision source", TempWorkspace.NOW)));
            DecisionLog log = ws.decisions();
            assertThat(log.catchUp()).as("the commit drove the log already").isZero();
            assertThat(log.position()).isEqualTo(ws.documents().maxChangeSeq());
            assertThat(log.all()).singleElement().satisfies(d -> {
                assertThat(d.text()).isEqualTo("use Postgres");
                assertThat(d.why()).isEqualTo("ops knows it");
                assertThat(d.who()).isEqualTo("Lee");
            });
            TempWorkspace.ingest(ws, List.of(TestDocs.withProperties(thread.toBuilder()
                    .body("Lee: decided to use SQLite since it is one file").build(), Map.of())));
            assertThat(log.all()).singleElement().satisfies(d -> assertThat(d.text()).isEqualTo("use SQLite"));
        }
    }
}
