package dev.nightjar.skills.brief;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.LlmUsage;
import java.time.Instant;
import java.util.List;

/**
 * A morning brief: for whom, the window start, and the numbered facts grouped in sections already
 * ranked by what the reader must act on. {@code time} says times in the reader's zone; {@code prose} is the
 * LLM's Markdown when it wrote one.
 */
public record Brief(String audience, Instant since, Instant until, ReaderTime time, FactSheet sheet, String prose, LlmUsage llm) {

    public List<Citation> citations() {
        return sheet.citations();
    }
}
