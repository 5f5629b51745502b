package dev.nightjar.skills.ask;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Conflict;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Subject;
import java.util.List;

/**
 * A grounded answer: the Markdown text in two layers (every claim with {@code [n]}): {@code top}, what a
 * reader sees first (at most {@link TopLevel#LINES} lines for the extractive path), and {@code more}, the
 * cited details behind it ("" when everything fits on top); the subject chosen (null for a free topic),
 * the numbered citations (for both layers), conflicts with both sides cited, and what the LLM did; the
 * headline (the answer's first line, or null) and, for an initiative or project, the verdict.
 */
public record Answer(String question, Subject subject, String top, String more, List<Citation> citations, List<Conflict> conflicts,
                     LlmUsage llm, String headline, Verdict verdict) {

    /** The heading between the top level and the details in the whole text. */
    public static final String MORE_HEADING = "**More (cited details)**";

    /** The whole answer as one Markdown text: the top level, then the details under {@link #MORE_HEADING}. */
    public String markdown() {
        return more.isBlank() ? top : top + "\n\n" + MORE_HEADING + "\n\n" + more;
    }

    /** The ids of the cited documents, in citation order (what the answer ledger keeps). */
    public List<String> citedDocIds() {
        return citations.stream().map(Citation::docId).toList();
    }
}
