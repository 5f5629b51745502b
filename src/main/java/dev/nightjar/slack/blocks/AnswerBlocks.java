package dev.nightjar.slack.blocks;

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
     * @param answerId the stored answer the feedback buttons refer to
     * @param caveat   a line shown first (e.g. "answering as the workspace"), or null
     */
    public static Map<String, Object> message(Answer a, long answerId, String caveat) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (caveat != null) blocks.add(Blocks.context(caveat));
        blocks.addAll(Blocks.sections(Mrkdwn.of(a.markdown(), a.citations())));
        if (!a.citations().isEmpty()) blocks.add(Blocks.context("*Sources*\n" + Mrkdwn.sources(a.citations())));
        blocks.add(Blocks.actions("answer_feedback", List.of(
                Blocks.button("Useful", USEFUL, Long.toString(answerId), "primary"),
                Blocks.button("Wrong source", WRONG_SOURCE, Long.toString(answerId), null))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", fallback(a.markdown()));
        m.put("blocks", Blocks.capped(blocks, 1));
        return m;
    }

    /** Plain text for notifications and clients without Block Kit. */
    static String fallback(String markdown) {
        String firstLines = markdown.lines().filter(l -> !l.isBlank()).limit(3).reduce((x, y) -> x + "\n" + y).orElse("");
        return Blocks.truncate(Mrkdwn.escape(firstLines), 500);
    }
}
