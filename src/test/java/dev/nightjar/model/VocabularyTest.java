package dev.nightjar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Kinds, states and property keys as types: one definition each. */
class VocabularyTest {

    @Test
    void finishedIsOneDefinitionThatCountsMergedAndClosed() {
        // a blocker merged or closed on GitHub blocks nothing, as a done or canceled Linear issue does not
        for (String s : new String[]{"done", "canceled", "merged", "closed", "finished", "crashed", "failed"}) {
            assertThat(DocumentState.of(s).isFinished()).as(s).isTrue();
            assertThat(DocumentState.of(s).isOpen()).as(s).isFalse();
        }
        for (String s : new String[]{"open", "in_progress", "paused", "running"}) {
            assertThat(DocumentState.of(s).isOpen()).as(s).isTrue();
            assertThat(DocumentState.of(s).isFinished()).as(s).isFalse();
        }
        // an unmapped source state (a custom Notion status) and no state are neither
        assertThat(DocumentState.of("Ready for review")).isEqualTo(DocumentState.OTHER);
        assertThat(DocumentState.of((String) null).isFinished()).isFalse();
        assertThat(DocumentState.of((String) null).isOpen()).isFalse();
    }

    @Test
    void aKindKnowsItsSourceAndIdPrefix() {
        assertThat(DocumentKind.LINEAR_ISSUE.prefix()).isEqualTo("linear:issue:");
        assertThat(DocumentKind.LINEAR_ISSUE.id("RNK-1")).isEqualTo(DocumentId.parse("linear:issue:RNK-1"));
        assertThat(DocumentKind.LINEAR_ISSUE.is("linear:issue:RNK-1")).isTrue();
        assertThat(DocumentKind.LINEAR_ISSUE.is("github:issue:acme/api#1")).isFalse();
        assertThat(DocumentKind.of(DocumentId.parse("github:review:acme/api#1/7"))).contains(DocumentKind.GITHUB_REVIEW);
        assertThat(DocumentKind.of(DocumentId.parse("jira:issue:X-1"))).isEmpty();
        assertThat(DocumentKind.ofSources("github")).contains(DocumentKind.GITHUB_PR, DocumentKind.GITHUB_ISSUE).doesNotContain(DocumentKind.LINEAR_ISSUE);
        assertThat(DocumentKind.LINEAR_PROJECT.keyOf("linear:project:p1")).isEqualTo("p1");
        assertThatThrownBy(() -> DocumentKind.LINEAR_PROJECT.keyOf("linear:issue:p1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentsAnswerInTheVocabulary() {
        Document d = Document.builder(DocumentId.parse("linear:issue:RNK-1")).state("in_progress")
                .properties(Map.of("assignee", "ana", "team", "RNK")).build();
        assertThat(d.is(DocumentKind.LINEAR_ISSUE)).isTrue();
        assertThat(d.stateType()).isEqualTo(DocumentState.IN_PROGRESS);
        assertThat(d.property(PropertyKey.ASSIGNEE)).isEqualTo("ana");
        assertThat(d.property(PropertyKey.PRIORITY)).isNull();
    }
}
