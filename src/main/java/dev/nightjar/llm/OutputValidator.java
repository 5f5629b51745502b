package dev.nightjar.llm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks LLM prose against the facts it was given: every {@code [n]} must be one of the given
 * citations, at least one must be present, and every number in the text must occur in the facts
 * (a list marker "1." at the start of a line is not a claim). Returns the problems, empty when valid.
 */
public final class OutputValidator {

    private static final Pattern CITATION = Pattern.compile("\\[(\\d+)]");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w])");
    private static final Pattern LIST_MARKER = Pattern.compile("(?m)^\\s*\\d+[.)]\\s");

    private OutputValidator() {
    }

    public static List<String> problems(String text, Set<Integer> citations, String facts) {
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add("empty answer");
            return problems;
        }
        Set<Integer> used = new LinkedHashSet<>();
        Matcher c = CITATION.matcher(text);
        while (c.find()) used.add(Integer.parseInt(c.group(1)));
        if (used.isEmpty()) problems.add("no citations");
        for (int n : used) if (!citations.contains(n)) problems.add("citation [" + n + "] is not one of the given facts");
        Set<String> known = numbers(facts);
        String claims = LIST_MARKER.matcher(CITATION.matcher(text).replaceAll(" ")).replaceAll(" ");
        for (String number : numbers(claims)) if (!known.contains(number)) problems.add("number " + number + " is not in the facts");
        return problems;
    }

    /** The numbers in {@code text}, normalized ("0.420" and "0.42" are one number; "2026-12-05" gives 2026, 12 and 5). */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text == null ? "" : text.replaceAll("(\\d)-(\\d)", "$1 $2"));
        while (m.find()) out.add(new BigDecimal(m.group()).stripTrailingZeros().toPlainString());
        return out;
    }
}
