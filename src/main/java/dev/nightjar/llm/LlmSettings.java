package dev.nightjar.llm;

import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import java.util.Optional;

/**
 * The optional LLM path, configured by environment only (no secret ever sits in a config file):
 * {@code OPENAI_API_KEY} turns it on; {@code OPENAI_BASE_URL} points at any OpenAI-compatible server
 * (default {@code https://api.openai.com/v1}); {@code OPENAI_MODEL} (default {@code gpt-4o-mini});
 * {@code NIGHTJAR_LLM_BUDGET} caps the tokens spent in any rolling 24 hours (default 200000).
 */
public record LlmSettings(Optional<String> apiKey, String baseUrl, String model, long budget) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_MODEL = "gpt-4o-mini";
    public static final long DEFAULT_BUDGET = 200_000;

    public static LlmSettings from(Environment env) {
        long budget = DEFAULT_BUDGET;
        Optional<String> raw = env.find("NIGHTJAR_LLM_BUDGET");
        if (raw.isPresent()) {
            try {
                budget = Long.parseLong(raw.get().trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new ConfigException("NIGHTJAR_LLM_BUDGET must be a whole number of tokens, not '" + raw.get() + "'");
            }
            if (budget < 0) throw new ConfigException("NIGHTJAR_LLM_BUDGET must not be negative");
        }
        return new LlmSettings(env.find("OPENAI_API_KEY"), env.find("OPENAI_BASE_URL").orElse(DEFAULT_BASE_URL),
                env.find("OPENAI_MODEL").orElse(DEFAULT_MODEL), budget);
    }

    public boolean enabled() {
        return apiKey.isPresent();
    }
}
