package dev.nightjar.connectors.slack;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message markup ({@code <@U123>}, {@code <#C1|payments>}, {@code <https://x|label>},
 * {@code <!here>}, {@code &lt;}) rendered as the plain text a reader sees, collecting the users
 * mentioned on the way.
 */
final class SlackText {

    static final Pattern USER_MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");
    private static final Pattern ANGLE = Pattern.compile("<([^<>]+)>");

    record Rendered(String text, Set<String> mentions) {
    }

    private SlackText() {
    }

    /** @param nameOf display name of a member id, or null when unknown */
    static Rendered render(String markup, Function<String, String> nameOf) {
        Set<String> mentions = new LinkedHashSet<>();
        if (markup == null || markup.isEmpty()) return new Rendered("", mentions);
        Matcher m = ANGLE.matcher(markup);
        StringBuilder out = new StringBuilder(markup.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1), nameOf, mentions)));
        }
        m.appendTail(out);
        return new Rendered(unescape(out.toString()), mentions);
    }

    private static String token(String inner, Function<String, String> nameOf, Set<String> mentions) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? null : inner.substring(bar + 1);
        if (target.startsWith("@")) {
            String id = target.substring(1);
            mentions.add(id);
            String name = nameOf.apply(id);
            return "@" + (name != null ? name : label != null && !label.isBlank() ? label : id);
        }
        if (target.startsWith("#")) {
            return "#" + (label != null && !label.isBlank() ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            String special = target.substring(1);
            if (label != null && !label.isBlank()) return label;            // <!subteam^S1|@oncall>, <!date^…|fallback>
            if (special.equals("here") || special.equals("channel") || special.equals("everyone")) return "@" + special;
            return special;
        }
        if (target.startsWith("mailto:")) {
            return label != null && !label.isBlank() ? label : target.substring("mailto:".length());
        }
        if (label == null || label.isBlank() || label.equals(target)) return target;
        return label + " (" + target + ")";
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
