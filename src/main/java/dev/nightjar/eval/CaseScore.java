package dev.nightjar.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The score of one output against its case: which required facts were found and which were missed,
 * which forbidden statements were made (wrong statements), how many lines are noise (a noise pattern
 * of the set, or a line repeated), how long the body is (non-empty lines, and those of its top level), how many citations it
 * lists, and whether every citation marker resolves.
 */
public record CaseScore(EvalCase evalCase, List<String> missed, int found, List<String> wrong, List<String> noiseLines, int lines, int topLines,
                        int citations, boolean citationsValid, String output) {

    public static CaseScore of(EvalCase c, AnswerText answer, List<Pattern> noise, String output) {
        List<String> missed = new ArrayList<>();
        int found = 0;
        for (Expectation e : c.must()) {
            if (e.foundIn(answer)) found++;
            else missed.add(e.label());
        }
        List<String> wrong = new ArrayList<>();
        for (Expectation e : c.mustNot()) if (e.foundIn(answer)) wrong.add(e.label());
        return new CaseScore(c, missed, found, wrong, noiseLines(answer.lines(), noise), answer.lines().size(), answer.topLines(),
                answer.citationNumbers().size(), answer.citationsValid(), output);
    }

    static List<String> noiseLines(List<String> lines, List<Pattern> noise) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            boolean noisy = noise.stream().anyMatch(p -> p.matcher(lower).find());
            String key = AnswerText.normalise(line).replaceFirst("^[-*] ", "");
            // a heading may repeat (a section continues under the answer's "More"); a stated item may not
            boolean heading = line.strip().startsWith("**") && line.strip().endsWith("**");
            boolean repeated = !heading && key.length() > 20 && !seen.add(key);
            if (noisy || repeated) out.add(line);
        }
        return out;
    }

    public int required() {
        return evalCase.must().size();
    }
}
