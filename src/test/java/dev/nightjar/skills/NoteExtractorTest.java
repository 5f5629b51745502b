package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.scratchpad.Note;
import dev.nightjar.skills.scratchpad.NoteExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scratchpad dump read clause by clause: actions with owners, decisions with why, open questions. */
class NoteExtractorTest {

    final NoteExtractor extractor = new NoteExtractor(List.of(
            new PersonIdentity("slack", "U0ANA", "ana@example.com", "Ana Souza", null),
            new PersonIdentity("slack", "U0BEN", "ben@example.com", "Ben Adeyemi", null)));

    @Test
    void oneThoughtWithAnOwnerAndAnUndecidedMatterIsOneOwnedActionAndOneOpenQuestion() {
        Note.Content c = extractor.extract("benchmark the new tokenizer before the freeze, Ana takes it, and we still need to decide "
                + "if the export feature waits for v3");
        assertThat(c.actions()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("benchmark the new tokenizer before the freeze");
            assertThat(a.owner()).isEqualTo("ana@example.com");
        });
        assertThat(c.questions()).containsExactly("Still to decide: whether the export feature waits for v3");
        assertThat(c.decisions()).isEmpty();
    }

    @Test
    void whenTheDumpAlsoSaysADecisionItIsADecisionWithItsWhy() {
        Note.Content c = extractor.extract("benchmark the new tokenizer before the freeze, Ana takes it, and we still need to decide "
                + "if the export feature waits for v3. Decision: we'll keep the old tokenizer in prod because the new one is unproven.");
        assertThat(c.actions()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("ana@example.com"));
        assertThat(c.questions()).hasSize(1);
        assertThat(c.decisions()).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("we'll keep the old tokenizer in prod");
            assertThat(d.why()).isEqualTo("the new one is unproven");
        });
    }

    @Test
    void otherOwnerPhrasesAndUndecidedPhrasesAreTheSameKind() {
        Note.Content c = extractor.extract("draft the rollout plan; owner: Ben. Not sure whether we can ship before the holidays. "
                + "Open question: who talks to legal");
        assertThat(c.actions()).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo("draft the rollout plan");
            assertThat(a.owner()).isEqualTo("ben@example.com");
        });
        assertThat(c.questions()).containsExactly("Still to decide: whether we can ship before the holidays", "Still to decide: who talks to legal");
    }

    @Test
    void aQuestionWithCommasStaysOneQuestionAndAListStaysOneAction() {
        Note.Content c = extractor.extract("Should we freeze invoices, or wait for the audit? We need to collect tokens, embeddings, and labels by Friday.");
        assertThat(c.questions()).containsExactly("Should we freeze invoices, or wait for the audit?");
        assertThat(c.actions()).singleElement().satisfies(a -> assertThat(a.text()).isEqualTo("We need to collect tokens, embeddings, and labels by Friday"));
    }
}
