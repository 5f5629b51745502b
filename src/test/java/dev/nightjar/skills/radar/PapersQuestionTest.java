package dev.nightjar.skills.radar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.skills.ask.Intent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which questions the research radar answers, and the topic it looks for. */
class PapersQuestionTest {

    static Intent intent(String q) {
        return Intent.of(q, Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void questionsAboutPapersGoToTheRadarWithTheirTopic() {
        assertThat(intent("any new papers relevant to the neural reranker?")).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Intent.Kind.PAPERS);
            assertThat(i.topic()).isEqualTo("neural reranker");
        });
        assertThat(intent("Are there any papers about payment retries").topic()).isEqualTo("payment retries");
        assertThat(intent("which papers are related to query understanding?").topic()).isEqualTo("query understanding");
        assertThat(intent("new arxiv papers?")).satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Intent.Kind.PAPERS);
            assertThat(i.topic()).isEmpty();
        });
    }

    @Test
    void aStatusQuestionThatMentionsAPaperIsStillAStatusQuestion() {
        assertThat(intent("where do we stand on the white paper?").kind()).isEqualTo(Intent.Kind.STATUS);
        assertThat(intent("what's the status of the papers migration?").kind()).isEqualTo(Intent.Kind.STATUS);
    }
}
