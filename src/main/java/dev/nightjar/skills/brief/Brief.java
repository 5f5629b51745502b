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
 *
 * @param audience the contract's {@code audience}: a person's e-mail, a team key or a channel
 * @param heading  the name a reader sees in the title: a person's name ("Maya Okafor"), else {@code audience}
 */
public record Brief(String audience, String heading, Instant since, Instant until, ReaderTime time, FactSheet sheet, String prose,
                    LlmUsage llm) {

    /** A brief whose title shows {@code audience} itself (a team, a channel, a meeting). */
    public Brief(String audience, Instant since, Instant until, ReaderTime time, FactSheet sheet, String prose, LlmUsage llm) {
        this(audience, audience, since, until, time, sheet, prose, llm);
    }

    public List<Citation> citations() {
        return sheet.citations();
    }
}
