package dev.nightjar.eval;

import java.util.List;

/**
 * One case of the evaluation: a question ({@code ask}, optionally as a person), a brief (a team key or
 * a person's e-mail, with a window such as {@code 24h}) or a meeting prep (a 1:1 with the person
 * {@code person}, or a sync on the Linear project {@code project}, read as {@code as}, with an optional
 * window), with the facts a correct output must state and the statements it must not make. {@code needs}
 * names (title or URL patterns) documents a correct answer needs beyond those its facts pin down themselves
 * ({@link RetrievalRecall}); usually empty.
 */
public record EvalCase(String id, String category, Kind kind, String question, String as, String team, String person,
                       String since, List<Expectation> must, List<Expectation> mustNot, String project,
                       List<java.util.regex.Pattern> needs) {

    public enum Kind { ASK, BRIEF, PREP }

    public EvalCase {
        must = List.copyOf(must);
        mustNot = List.copyOf(mustNot);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    /** How the case reads in a table: the question, "brief RNK 24h", or "prep with maya@… (as lena@…)". */
    public String describe() {
        String asWho = as == null ? "" : " (as " + as + ")";
        return switch (kind) {
            case ASK -> question + asWho;
            case BRIEF -> "brief " + (team != null ? team : person) + " " + since;
            case PREP -> "prep " + (project != null ? "--project " + project : "--with " + person) + (since == null ? "" : " " + since) + asWho;
        };
    }
}
