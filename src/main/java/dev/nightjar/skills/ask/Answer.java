package dev.nightjar.skills.ask;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Conflict;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Subject;
import java.util.List;

/**
 * A grounded answer: the Markdown text (every claim with {@code [n]}), the subject chosen (null for a
 * free topic), the numbered citations, conflicts with both sides cited, and what the LLM did; the
 * headline (the answer's first line, or null) and, for an initiative or project, the verdict.
 */
public record Answer(String question, Subject subject, String markdown, List<Citation> citations, List<Conflict> conflicts,
                     LlmUsage llm, String headline, Verdict verdict) {

    public Answer(String question, Subject subject, String markdown, List<Citation> citations, List<Conflict> conflicts, LlmUsage llm) {
        this(question, subject, markdown, citations, conflicts, llm, null, null);
    }

    /** The ids of the cited documents, in citation order (what the answer ledger keeps). */
    public List<String> citedDocIds() {
        return citations.stream().map(Citation::docId).toList();
    }
}
