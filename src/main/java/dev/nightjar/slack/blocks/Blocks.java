package dev.nightjar.slack.blocks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Block Kit JSON as plain maps (what {@code chat.postMessage} takes), within Slack's size limits. */
public final class Blocks {

    /** Slack's limits: 3000 characters of section text, 50 blocks per message, 75 characters per button label. */
    static final int SECTION_TEXT = 3000, MAX_BLOCKS = 50, BUTTON_TEXT = 75;

    private Blocks() {
    }

    /**
     * One or more sections, each within Slack's 3,000 characters: cut between a heading's section and
     * the next where possible, never after a heading ({@link SectionSplitter}); nothing is dropped.
     */
    public static List<Map<String, Object>> sections(String mrkdwn) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String piece : SectionSplitter.split(mrkdwn, SECTION_TEXT)) out.add(section(piece));
        return out;
    }

    /** Context blocks holding all of {@code mrkdwn} (one element each, within the 3,000 characters of a text object). */
    public static List<Map<String, Object>> contexts(String mrkdwn) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String piece : SectionSplitter.split(mrkdwn, SECTION_TEXT)) out.add(context(piece));
        return out;
    }

    /**
     * Blocks as one or more messages of at most 50 blocks: {@code head} opens the first, {@code tail}
     * (e.g. feedback buttons) closes the last, and the body is cut only between blocks. A follow-up
     * opens with {@code continued}.
     */
    public static List<List<Map<String, Object>>> messages(List<Map<String, Object>> head, List<Map<String, Object>> body,
                                                           List<Map<String, Object>> tail, String continued) {
        List<List<Map<String, Object>>> messages = new ArrayList<>();
        List<Map<String, Object>> current = new ArrayList<>(head);
        for (Map<String, Object> block : body) {
            if (current.size() == MAX_BLOCKS) {
                messages.add(current);
                current = new ArrayList<>(List.of(context(continued)));
            }
            current.add(block);
        }
        if (current.size() + tail.size() > MAX_BLOCKS) {
            messages.add(current);
            current = new ArrayList<>(List.of(context(continued)));
        }
        current.addAll(tail);
        messages.add(current);
        return messages;
    }

    public static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", mrkdwn(mrkdwn));
    }

    public static Map<String, Object> header(String plain) {
        return Map.of("type", "header", "text", Map.of("type", "plain_text", "text", truncate(plain, 150)));
    }

    public static Map<String, Object> context(String mrkdwn) {
        return Map.of("type", "context", "elements", List.of(mrkdwn(truncate(mrkdwn, SECTION_TEXT))));
    }

    public static Map<String, Object> actions(String blockId, List<Map<String, Object>> elements) {
        return Map.of("type", "actions", "block_id", blockId, "elements", elements);
    }

    /** @param style null, "primary" or "danger" */
    public static Map<String, Object> button(String label, String actionId, String value, String style) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("type", "button");
        b.put("text", Map.of("type", "plain_text", "text", truncate(label, BUTTON_TEXT)));
        b.put("action_id", actionId);
        b.put("value", value);
        if (style != null) b.put("style", style);
        return b;
    }

    /** A static select of {@code options} (label → value). */
    public static Map<String, Object> select(String placeholder, String actionId, Map<String, String> options) {
        List<Map<String, Object>> opts = new ArrayList<>();
        options.forEach((label, value) -> opts.add(Map.of("text", Map.of("type", "plain_text", "text", truncate(label, 75)), "value", value)));
        return Map.of("type", "static_select", "action_id", actionId,
                "placeholder", Map.of("type", "plain_text", "text", truncate(placeholder, 150)), "options", opts);
    }

    /** Keeps the first blocks and the last {@code keepTail} (e.g. the buttons) when a message would pass 50 blocks. */
    public static List<Map<String, Object>> capped(List<Map<String, Object>> blocks, int keepTail) {
        if (blocks.size() <= MAX_BLOCKS) return blocks;
        List<Map<String, Object>> out = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - keepTail - 1));
        out.add(context("_(shortened: the full text did not fit in one Slack message)_"));
        out.addAll(blocks.subList(blocks.size() - keepTail, blocks.size()));
        return out;
    }

    static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", text);
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
