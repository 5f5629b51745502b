package dev.nightjar.slack.blocks;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.ask.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer as a Slack message: the cited text, its sources as links, and the feedback buttons. */
public final class AnswerBlocks {

    public static final String USEFUL = "answer_useful", WRONG_SOURCE = "answer_wrong_source";

    private AnswerBlocks() {
    }

    /**
     * The answer as one Slack message, or several when it does not fit in one (50 blocks): the text cut
     * only between sections, every source listed (none cut off), the feedback buttons in the last
     * message. Post the first where the question was asked and the rest in its thread, in order.
     *
     * @param answerId the stored answer the feedback buttons refer to
     * @param caveat   a line shown first (e.g. "answering as the workspace"), or null
     */
    public static List<Map<String, Object>> messages(Answer a, long answerId, String caveat) {
        return messages(a.markdown(), a.citations(), answerId, caveat);
    }

    /** As {@link #messages(Answer, long, String)}, from the answer's Markdown and its numbered citations. */
    public static List<Map<String, Object>> messages(String markdown, List<Citation> citations, long answerId, String caveat) {
        List<Map<String, Object>> head = new ArrayList<>();
        if (caveat != null) head.add(Blocks.context(caveat));
        List<Map<String, Object>> body = new ArrayList<>(Blocks.sections(Mrkdwn.of(markdown, citations)));
        if (!citations.isEmpty()) body.addAll(Blocks.contexts("*Sources*\n" + Mrkdwn.sources(citations)));
        List<Map<String, Object>> buttons = List.of(Blocks.actions("answer_feedback", List.of(
                Blocks.button("Useful", USEFUL, Long.toString(answerId), "primary"),
                Blocks.button("Wrong source", WRONG_SOURCE, Long.toString(answerId), null))));
        List<Map<String, Object>> out = new ArrayList<>();
        List<List<Map<String, Object>>> parts = Blocks.messages(head, body, buttons, "_(continued)_");
        for (int i = 0; i < parts.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", i == 0 ? fallback(markdown) : "(continued, part " + (i + 1) + " of " + parts.size() + ")");
            m.put("blocks", parts.get(i));
            out.add(m);
        }
        return out;
    }

    /** Plain text for notifications and clients without Block Kit. */
    static String fallback(String markdown) {
        String firstLines = markdown.lines().filter(l -> !l.isBlank()).limit(3).reduce((x, y) -> x + "\n" + y).orElse("");
        return Blocks.truncate(Mrkdwn.escape(firstLines), 500);
    }
}
