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
    void typedKeysAreReadInAnyCaseOutsideUrlsAndPaths() {
        assertThat(IssueKeyLinks.typedKeys("where do we stand on rnk-134? and Rnk-130, RNK-121")).containsExactly("RNK-121", "RNK-134", "RNK-130");
        // a URL's slug and a branch name are not typed keys; their capital keys are
        assertThat(IssueKeyLinks.typedKeys("linear.app/kestrel/issue/RNK-134/launch-to-100 and lnovak/rnk-130-shadow")).containsExactly("RNK-134");
        // words that only look like keys come back too: the caller keeps those naming an issue the store holds
        assertThat(IssueKeyLinks.typedKeys("top-10 results, utf-8")).containsExactly("TOP-10");
    }

    @Test
    void aBranchNameAsLinearWritesItNamesItsIssue() {
        assertThat(IssueKeyLinks.links(pr, "Shadow eval", IssueKeyLinks.branch("lnovak/rnk-130-shadow-traffic-eval"), null))
                .containsExactly(Link.toDocument(pr, LinkType.REFERENCES, DocumentId.parse("linear:issue:RNK-130")));
        assertThat(IssueKeyLinks.branch("rnk-130")).isEqualTo("RNK-130");
        // only a segment's leading key: not a word inside the slug, not an encoding
        assertThat(IssueKeyLinks.keys(IssueKeyLinks.branch("fix/retry-after-3-tries"))).isEmpty();
        assertThat(IssueKeyLinks.keys(IssueKeyLinks.branch("fix/utf-8-names"))).isEmpty();
        assertThat(IssueKeyLinks.branch(null)).isNull();
    }

    @Test
    void closingKeywordMakesAClosesLink() {
        assertThat(IssueKeyLinks.links(pr, "ASR-117: ranker", "Fixes ASR-118. Related to ASR-117"))
                .containsExactly(
                        Link.toDocument(pr, LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-117")),
                        Link.toDocument(pr, LinkType.CLOSES, DocumentId.parse("linear:issue:ASR-118")));
    }
}
