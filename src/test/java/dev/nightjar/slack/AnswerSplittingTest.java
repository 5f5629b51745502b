package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.skills.Citation;
import dev.nightjar.slack.blocks.AnswerBlocks;
import dev.nightjar.slack.blocks.Blocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Long answers in Slack: within Block Kit's limits (3,000 characters per text, 50 blocks per message),
 * split between sections, never a heading cut from its content, every citation reachable.
 */
class AnswerSplittingTest {

    static final int LIMIT = 3000, MAX_BLOCKS = 50;
    static final Pattern HEADING = Pattern.compile("^\\*[^*]+\\*$");

    /** {@code sections} sections of {@code lines} cited lines each, over {@code citations} sources with long titles. */
    static String markdown(int sections, int lines, int citations) {
        StringBuilder md = new StringBuilder();
        int n = 0;
        for (int s = 1; s <= sections; s++) {
            md.append("**Section ").append(s).append("**\n");
            for (int l = 0; l < lines; l++) {
                md.append("- Item ").append(s).append('.').append(l).append(": ").append("progress on the reranker rollout, ".repeat(3))
                        .append('[').append(n % citations + 1).append("]\n");
                n++;
            }
        }
        return md.toString();
    }

    static List<Citation> citations(int count) {
        List<Citation> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(new Citation(i, "linear:issue:RNK-" + i, "https://linear.app/kestrel/issue/RNK-" + i + "/a-long-slug-for-the-issue",
                    "RNK-" + i + " " + "A rather long issue title about shadow traffic ".repeat(2), "linear", "record", false, false));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(Map<String, Object> message) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> b : (List<Map<String, Object>>) message.get("blocks")) {
            if (b.get("text") instanceof Map<?, ?> t) out.add((String) t.get("text"));
            if (b.get("elements") instanceof List<?> els && "context".equals(b.get("type"))) {
                for (Object e : els) out.add((String) ((Map<String, Object>) e).get("text"));
            }
        }
        return out;
    }

    @Test
    void aLongAnswerKeepsEveryCitationAndEveryHeadingWithItsContent() {
        List<Citation> cites = citations(36);
        List<Map<String, Object>> messages = AnswerBlocks.messages(markdown(6, 14, 36), cites, 9, null);
        List<String> all = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            assertThat((List<?>) m.get("blocks")).hasSizeLessThanOrEqualTo(MAX_BLOCKS);
            all.addAll(texts(m));
        }
        for (String t : all) {
            assertThat(t.length()).isLessThanOrEqualTo(LIMIT);
            List<String> lines = t.lines().toList();
            assertThat(HEADING.matcher(lines.get(lines.size() - 1)).matches()).as("a block ending in a heading:\n" + t).isFalse();
        }
        String joined = String.join("\n", all);
        assertThat(joined).doesNotContain("…");
        for (Citation c : cites) {
            assertThat(joined).as("citation %d in the text", c.n()).contains("<" + c.url() + "|[" + c.n() + "]>");
            assertThat(joined).as("citation %d among the sources", c.n()).contains("<" + c.url() + "|[" + c.n() + "] RNK-" + c.n() + " ");
        }
        for (int s = 1; s <= 6; s++) assertThat(joined).contains("*Section " + s + "*\n- Item " + s + ".0:");
    }

    @Test
    void moreThanFiftyBlocksContinueInFollowUpsWithTheButtonsLast() {
        List<Map<String, Object>> messages = AnswerBlocks.messages(markdown(80, 20, 40), citations(40), 9, "answering as the workspace");
        assertThat(messages).hasSizeGreaterThan(1);
        for (int i = 0; i < messages.size(); i++) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> blocks = (List<Map<String, Object>>) messages.get(i).get("blocks");
            assertThat(blocks).hasSizeLessThanOrEqualTo(MAX_BLOCKS);
            assertThat(blocks.stream().filter(b -> "actions".equals(b.get("type")))).hasSize(i == messages.size() - 1 ? 1 : 0);
            if (i == 0) assertThat(texts(messages.get(i)).get(0)).isEqualTo("answering as the workspace");
            else assertThat(texts(messages.get(i)).get(0)).isEqualTo("_(continued)_");
        }
        String joined = String.join("\n", messages.stream().flatMap(m -> texts(m).stream()).toList());
        for (int s = 1; s <= 80; s++) assertThat(joined).contains("*Section " + s + "*\n- Item " + s + ".0:").contains("- Item " + s + ".19:");
    }

    @Test
    void aSectionLongerThanABlockSplitsByLinesWithTheHeadingOnTop() {
        String text = "*Progress*\n" + ("- a line of progress that is fairly long " + "x".repeat(60) + "\n").repeat(60);
        List<Map<String, Object>> sections = Blocks.sections(text);
        assertThat(sections).hasSizeGreaterThan(1);
        @SuppressWarnings("unchecked")
        String first = (String) ((Map<String, Object>) sections.get(0).get("text")).get("text");
        assertThat(first).startsWith("*Progress*\n- a line");
        String longLine = "*Heading*\n" + "word ".repeat(1000);
        List<Map<String, Object>> cut = Blocks.sections(longLine);
        @SuppressWarnings("unchecked")
        String head = (String) ((Map<String, Object>) cut.get(0).get("text")).get("text");
        assertThat(head).startsWith("*Heading*\nword word");
        assertThat(head.length()).isLessThanOrEqualTo(LIMIT);
    }
}
