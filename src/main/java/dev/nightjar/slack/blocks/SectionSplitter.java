package dev.nightjar.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts mrkdwn into pieces that each fit one Block Kit text field, at the best boundary available:
 * between sections (a heading line and the lines under it) first, then between lines, and only a
 * single over-long line at a space. Nothing is dropped, so every {@code [n]} link stays reachable, and
 * a heading is never the last line of a piece whose content starts the next one.
 */
final class SectionSplitter {

    /** A heading as {@link Mrkdwn} renders one: a line that is only bold text, e.g. {@code *Blockers*}. */
    private static final Pattern HEADING = Pattern.compile("^\\*[^*\\n]+\\*:?$");

    private SectionSplitter() {
    }

    /** Pieces of at most {@code limit} characters, in order; their lines joined give back {@code mrkdwn} (stripped). */
    static List<String> split(String mrkdwn, int limit) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String section : sections(mrkdwn.strip())) {
            if (fits(piece, section, limit)) {
                append(piece, section);
                continue;
            }
            flush(piece, pieces);
            if (section.length() <= limit) {
                append(piece, section);
                continue;
            }
            // a section longer than a block: by lines, the heading staying with its first lines
            for (String line : section.split("\n", -1)) {
                String rest = line;
                if (isHeadingOnly(piece) && !fits(piece, rest, limit)) {
                    // the heading's first line does not fit beside it: take what does, so the heading is not left alone
                    String head = words(rest, limit - piece.length() - 1).get(0);
                    append(piece, head);
                    rest = rest.substring(head.length()).stripLeading();
                }
                for (String part : rest.length() <= limit ? List.of(rest) : words(rest, limit)) {
                    if (part.isEmpty()) continue;
                    if (!fits(piece, part, limit)) flush(piece, pieces);
                    append(piece, part);
                }
            }
        }
        flush(piece, pieces);
        return pieces;
    }

    /** Heading-led groups of lines; text before the first heading is a group of its own. */
    static List<String> sections(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (HEADING.matcher(line.strip()).matches() && !current.toString().isBlank()) {
                out.add(current.toString().stripTrailing());
                current.setLength(0);
            }
            if (!current.isEmpty()) current.append('\n');
            current.append(line);
        }
        if (!current.toString().isBlank()) out.add(current.toString().stripTrailing());
        return out;
    }

    /** A line longer than a block, cut at spaces (or hard, for a space-less run such as a long URL). */
    private static List<String> words(String line, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = line;
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            if (cut <= limit / 2) cut = limit;
            parts.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) parts.add(rest);
        return parts;
    }

    private static boolean isHeadingOnly(StringBuilder piece) {
        return !piece.isEmpty() && piece.indexOf("\n") < 0 && HEADING.matcher(piece.toString().strip()).matches();
    }

    private static boolean fits(StringBuilder piece, String next, int limit) {
        return piece.length() + (piece.isEmpty() ? 0 : 1) + next.length() <= limit;
    }

    private static void append(StringBuilder piece, String text) {
        if (!piece.isEmpty()) piece.append('\n');
        piece.append(text);
    }

    private static void flush(StringBuilder piece, List<String> pieces) {
        if (!piece.toString().isBlank()) pieces.add(piece.toString());
        piece.setLength(0);
    }
}
