package dev.nightjar.skills.ask;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.Fact;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.testing.TestDocs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top level of an answer: breadth first within the line budget, conflicts on top, nothing dropped. */
class TopLevelTest {

    private static final Instant T = Instant.parse("2026-11-25T06:30:00Z");

    private static StoredDocument doc(int i) {
        return new StoredDocument(TestDocs.doc("linear:issue:RNK-" + i, "Issue " + i, "", T), 1, "h" + i, TruthLevel.RECORD, null,
                null, false, null, null, T, T, i);
    }

    @Test
    void everySectionGetsItsFirstFactBeforeAnyGetsASecondAndTheRestGoesToMore() {
        FactSheet sheet = new FactSheet();
        for (String section : List.of("Subject", "Plan", "Blockers", "Code")) {
            for (int i = 0; i < 5; i++) sheet.add(section, section + " fact " + i + ".", doc(section.length() * 10 + i));
        }
        TopLevel t = TopLevel.of(sheet, 2); // subject line and headline
        // 10 lines left: 4 headings + 4 first facts = 8, then 2 second facts in section order
        assertThat(t.top()).extracting(Fact::text).containsExactly(
                "Subject fact 0.", "Subject fact 1.", "Plan fact 0.", "Plan fact 1.", "Blockers fact 0.", "Code fact 0.");
        assertThat(t.top().size() + t.more().size()).isEqualTo(20);
        assertThat(t.complete()).isFalse();
    }

    @Test
    void twoConflictsAreAlwaysOnTopAndTheOthersFollowInMore() {
        FactSheet sheet = new FactSheet();
        for (int i = 0; i < 3; i++) sheet.conflict("Conflict " + i + ".", doc(i), doc(100 + i));
        sheet.add("Plan", "Launch date 2026-12-15.", doc(7));
        TopLevel t = TopLevel.of(sheet, 2);
        assertThat(t.topConflicts()).hasSize(2);
        assertThat(t.moreConflicts()).hasSize(1);
        assertThat(t.top()).hasSize(1);
    }

    @Test
    void aShortAnswerFitsWhole() {
        FactSheet sheet = new FactSheet();
        sheet.add("Plan", "Launch date 2026-12-15.", doc(1));
        assertThat(TopLevel.of(sheet, 1).complete()).isTrue();
    }
}
