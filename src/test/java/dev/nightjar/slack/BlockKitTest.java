package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.skills.Citation;
import dev.nightjar.slack.blocks.Blocks;
import dev.nightjar.slack.blocks.Mrkdwn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Skill Markdown → Slack mrkdwn: citations become links, Slack's control characters are escaped, sections fit. */
class BlockKitTest {

    static final List<Citation> CITES = List.of(
            new Citation(1, "notion:page:prd-v2", "https://www.notion.so/acme/Ranker-v2-PRD-2222", "Ranker v2 PRD", "notion", "canonical", false, false),
            new Citation(2, "linear:issue:RNK-101", "https://linear.app/acme/issue/RNK-101", "Train <ranker> | v2", "linear", "record", true, false));

    @Test
    void everyCitationNumberBecomesALinkToItsSource() {
        String out = Mrkdwn.of("**Launch** is 2026-12-15 [1] & blocked [2][3].", CITES);
        assertThat(out).isEqualTo("*Launch* is 2026-12-15 <https://www.notion.so/acme/Ranker-v2-PRD-2222|[1]> &amp; blocked "
                + "<https://linear.app/acme/issue/RNK-101|[2]>[3].");
    }

    @Test
    void sourcesAreLinksWithEscapedTitlesAndFlags() {
        String out = Mrkdwn.sources(CITES);
        assertThat(out.lines()).containsExactly(
                "<https://www.notion.so/acme/Ranker-v2-PRD-2222|[1] Ranker v2 PRD> · notion, canonical",
                "<https://linear.app/acme/issue/RNK-101|[2] Train &lt;ranker&gt; / v2> · linear, record, stale");
    }

    @Test
    void userTextCannotInjectMentionsOrLinks() {
        assertThat(Mrkdwn.of("ping <!channel> and <https://evil.example|click>", List.of()))
                .isEqualTo("ping &lt;!channel&gt; and &lt;https://evil.example|click&gt;");
    }

    @Test
    void longTextIsSplitIntoSectionsWithinSlacksLimit() {
        String text = ("a line of text that is fairly long, " .repeat(4) + "\n").repeat(200);
        List<Map<String, Object>> sections = Blocks.sections(text);
        assertThat(sections).hasSizeGreaterThan(1);
        for (Map<String, Object> s : sections) {
            @SuppressWarnings("unchecked")
            String t = (String) ((Map<String, Object>) s.get("text")).get("text");
            assertThat(t.length()).isLessThanOrEqualTo(3000);
        }
    }
}
