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

    /** One or more sections: long text is split at line ends so no section passes the limit. */
    public static List<Map<String, Object>> sections(String mrkdwn) {
        List<Map<String, Object>> out = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String line : mrkdwn.strip().split("\n", -1)) {
            String l = line.length() > SECTION_TEXT - 1 ? line.substring(0, SECTION_TEXT - 2) + "…" : line;
            if (chunk.length() + l.length() + 1 > SECTION_TEXT) {
                out.add(section(chunk.toString()));
                chunk.setLength(0);
            }
            if (!chunk.isEmpty()) chunk.append('\n');
            chunk.append(l);
        }
        if (!chunk.toString().isBlank()) out.add(section(chunk.toString()));
        return out;
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
