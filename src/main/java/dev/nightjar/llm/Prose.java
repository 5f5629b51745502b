package dev.nightjar.llm;

/**
 * What the LLM path produced: {@code text} is the validated LLM output, or null when the caller must
 * use its extractive text (not configured, over budget, failed, or rejected twice). Tokens are what
 * was spent either way; a cache hit spends none.
 */
public record Prose(String text, boolean used, String model, int tokensIn, int tokensOut, boolean cached, String outcome) {

    public static Prose off() {
        return new Prose(null, false, null, 0, 0, false, "off");
    }

    public boolean accepted() {
        return text != null;
    }
}
