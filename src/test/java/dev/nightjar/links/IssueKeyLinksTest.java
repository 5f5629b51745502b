package dev.nightjar.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import org.junit.jupiter.api.Test;

class IssueKeyLinksTest {

    private final DocumentId pr = DocumentId.of("github", "pr", "acme/api#42");

    @Test
    void findsKeysInTitlesAndBranchesButNotEncodings() {
        assertThat(IssueKeyLinks.keys("ASR-117: retry uploads (UTF-8, SHA-256) see pay-12 and PAY-9"))
                .containsExactly("ASR-117", "PAY-9");
        assertThat(IssueKeyLinks.keys("feature/ASR-120-ranker")).containsExactly("ASR-120");
    }

    @Test
    void closingKeywordMakesAClosesLink() {
        assertThat(IssueKeyLinks.links(pr, "ASR-117: ranker", "Fixes ASR-118. Related to ASR-117"))
                .containsExactly(
                        Link.toDocument(pr, LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-117")),
                        Link.toDocument(pr, LinkType.CLOSES, DocumentId.parse("linear:issue:ASR-118")));
    }
}
