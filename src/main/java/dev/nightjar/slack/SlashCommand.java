package dev.nightjar.slack;

import java.util.Locale;
import java.util.Map;

/**
 * One {@code /nightjar ...} invocation: who, where, the subcommand and its argument text, and the
 * {@code response_url} the answer goes to.
 */
public record SlashCommand(String userId, String channelId, String subcommand, String argument, String responseUrl) {

    public static SlashCommand of(Map<String, String> form) {
        String text = form.getOrDefault("text", "").strip();
        int space = text.indexOf(' ');
        String sub = (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
        String arg = space < 0 ? "" : text.substring(space + 1).strip();
        return new SlashCommand(form.getOrDefault("user_id", ""), form.getOrDefault("channel_id", ""), sub, arg, form.getOrDefault("response_url", ""));
    }

    /** A URL as Slack may send it ({@code <https://x|label>} or bare). */
    public static String unwrapUrl(String s) {
        String u = s.strip();
        if (u.startsWith("<") && u.endsWith(">")) u = u.substring(1, u.length() - 1);
        int bar = u.indexOf('|');
        return bar < 0 ? u : u.substring(0, bar);
    }
}
