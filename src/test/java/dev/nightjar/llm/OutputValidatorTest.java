package dev.nightjar.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputValidatorTest {

    static final String FACTS = "- Launch date 2026-12-15, per the canonical PRD. [1]\n- NDCG@10 = 0.412, short of the target 0.42. [2] [1]";

    @Test
    void acceptsCitedTextWhoseNumbersComeFromTheFacts() {
        assertThat(OutputValidator.problems("Launch is December 15, 2026 [1]; NDCG@10 is 0.4120 against 0.42 [2].", Set.of(1, 2), FACTS)).isEmpty();
        assertThat(OutputValidator.problems("1. Launch on 2026-12-15 [1]\n2. Below target [2]", Set.of(1, 2), FACTS)).isEmpty();
    }

    @Test
    void rejectsUnknownCitationsMissingCitationsAndInventedNumbers() {
        assertThat(OutputValidator.problems("Launch is 2026-12-15 [3].", Set.of(1, 2), FACTS)).containsExactly("citation [3] is not one of the given facts");
        assertThat(OutputValidator.problems("Launch is 2026-12-15.", Set.of(1, 2), FACTS)).containsExactly("no citations");
        assertThat(OutputValidator.problems("NDCG@10 reached 0.45 [2].", Set.of(1, 2), FACTS)).containsExactly("number 0.45 is not in the facts");
        // a citation number in the facts is not a fact's number
        assertThat(OutputValidator.problems("It slipped 2 weeks [1].", Set.of(1, 2), FACTS)).containsExactly("number 2 is not in the facts");
        assertThat(OutputValidator.problems(" ", Set.of(1), FACTS)).containsExactly("empty answer");
    }
}
