package dev.nightjar.eval;

import java.util.List;

/**
 * One case of the evaluation: a question ({@code ask}, optionally as a person) or a brief (a team key or
 * a person's e-mail, with a window such as {@code 24h}), with the facts a correct output must state and
 * the statements it must not make. {@code needs} names (title or URL patterns) documents a correct answer needs beyond
 * those its facts pin down themselves ({@link RetrievalRecall}); usually empty.
 */
public record EvalCase(String id, String category, Kind kind, String question, String as, String team, String person,
                       String since, List<Expectation> must, List<Expectation> mustNot, List<java.util.regex.Pattern> needs) {

    public enum Kind { ASK, BRIEF }

    public EvalCase {
        must = List.copyOf(must);
        mustNot = List.copyOf(mustNot);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    /** How the case reads in a table: the question, or "brief RNK 24h". */
    public String describe() {
        return kind == Kind.ASK ? question + (as == null ? "" : " (as " + as + ")")
                : "brief " + (team != null ? team : person) + " " + since;
    }
}
