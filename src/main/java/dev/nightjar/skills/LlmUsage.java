package dev.nightjar.skills;

import dev.nightjar.llm.Prose;

/** The {@code llm} block of an answer: whether the LLM wrote the text, which model, tokens spent. */
public record LlmUsage(boolean used, String model, int tokensIn, int tokensOut) {

    public static LlmUsage none() {
        return new LlmUsage(false, null, 0, 0);
    }

    public static LlmUsage of(Prose p) {
        return new LlmUsage(p.accepted(), p.model(), p.tokensIn(), p.tokensOut());
    }
}
