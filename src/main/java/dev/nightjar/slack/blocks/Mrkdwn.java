package dev.nightjar.slack.blocks;

import dev.nightjar.skills.Citation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The skills' Markdown as Slack mrkdwn: {@code &<>} escaped, {@code **bold**} as {@code *bold*},
 * headings as bold lines, Markdown links as {@code <url|text>}, and every {@code [n]} as a link to
 * its source ({@code <url|[n]>}), so each claim in Slack is one click from its evidence.
 */
public final class Mrkdwn {

    private static final Pattern CITE = Pattern.compile("\\[(\\d+)](?!\\()");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]+)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+)$");

    private Mrkdwn() {
    }

    public static String of(String markdown, List<Citation> citations) {
        Map<Integer, Citation> byN = citations.stream().collect(Collectors.toMap(Citation::n, Function.identity(), (a, b) -> a));
        String s = escape(markdown);
        s = HEADING.matcher(s).replaceAll("*$1*");
        s = BOLD.matcher(s).replaceAll("*$1*");
        s = replace(MD_LINK, s, m -> "<" + m.group(2) + "|" + m.group(1) + ">");
        return replace(CITE, s, m -> {
            Citation c = byN.get(Integer.parseInt(m.group(1)));
            return c == null || c.url() == null ? m.group() : link(c.url(), "[" + c.n() + "]");
        });
    }

    /** The numbered sources as one mrkdwn line each: {@code <url|[n] title> · source, truth}. */
    public static String sources(List<Citation> citations) {
        StringBuilder sb = new StringBuilder();
        for (Citation c : citations) {
            String flags = (c.stale() ? ", stale" : "") + (c.superseded() ? ", superseded" : "");
            sb.append(c.url() == null ? "[" + c.n() + "] " + escape(c.title()) : link(c.url(), "[" + c.n() + "] " + c.title()))
                    .append(" · ").append(c.source()).append(", ").append(c.truth()).append(flags).append('\n');
        }
        return sb.toString().strip();
    }

    /** {@code <url|label>}; the label may not contain {@code |} or {@code >}. */
    public static String link(String url, String label) {
        return "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + escape(label).replace("|", "/") + ">";
    }

    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String replace(Pattern p, String s, Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        m.appendTail(sb);
        return sb.toString();
    }
}
