package dev.nightjar.eval;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One fact an answer must state (or must not): a regular expression over the normalised answer text
 * ({@link AnswerText#normalise}), or over the titles and URLs of its citations when {@code cite} is set.
 * {@code headlineOnly} restricts the match to the answer's first line.
 */
public record Expectation(String label, Pattern pattern, boolean cite, boolean headlineOnly) {

    public boolean foundIn(AnswerText answer) {
        if (cite) return answer.citations().stream().anyMatch(c -> pattern.matcher(c).find());
        String text = headlineOnly ? answer.headline() : answer.normalised();
        return pattern.matcher(text).find();
    }

    static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static List<String> labels(List<Expectation> list) {
        return list.stream().map(Expectation::label).toList();
    }
}
