package dev.nightjar.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer or brief as the evaluation reads it: its body lines (the Markdown without the source list),
 * the body normalised for matching, the headline (the first line after the italic subject line), and
 * the citations as "title url" strings; {@code topLines} counts the body lines above the answer's
 * "More" heading (all of them when there is none): what a reader sees first.
 *
 * <p>Normalising: NFKC, lower case, Markdown emphasis ({@code **}, {@code `}, {@code _x_}) and {@code [n]}
 * markers removed, curly quotes and dashes folded to ASCII, runs of spaces collapsed; line breaks kept.
 */
public record AnswerText(List<String> lines, int topLines, String normalised, String headline, List<String> citations, Set<Integer> citationNumbers) {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+)]");

    public static AnswerText of(String markdownBody, List<String> citations, Set<Integer> citationNumbers) {
        List<String> lines = markdownBody.lines().filter(l -> !l.isBlank()).toList();
        String headline = "";
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith("_") && t.endsWith("_")) continue; // the subject line
            headline = normalise(t);
            break;
        }
        int top = lines.indexOf(dev.nightjar.skills.ask.Answer.MORE_HEADING);
        return new AnswerText(lines, top < 0 ? lines.size() : top, normalise(markdownBody), headline, citations, citationNumbers);
    }

    public static String normalise(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        t = t.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-');
        t = MARKER.matcher(t).replaceAll("");
        t = t.replace("**", "").replace("`", "");
        t = t.replaceAll("(?m)(^|\\s)_([^_\\n]+)_(?=$|\\s|[.,;:])", "$1$2");
        t = t.replaceAll("[ \\t]+", " ").replaceAll(" +\\n", "\n").replaceAll("\\n{2,}", "\n");
        return t.strip();
    }

    /** Every {@code [n]} marker in the body. */
    public List<Integer> markers() {
        List<Integer> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = MARKER.matcher(l);
            while (m.find()) out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** True when every marker names a listed citation and every citation is cited at least once. */
    public boolean citationsValid() {
        List<Integer> used = markers();
        return citationNumbers.containsAll(used) && used.containsAll(citationNumbers);
    }
}
