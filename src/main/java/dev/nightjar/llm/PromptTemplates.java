package dev.nightjar.llm;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prompt templates from {@code prompts/<skill>.md} (user copy in the config dir first, else the one
 * bundled in the jar). The part before a line {@code ---} is the system message, the rest the user
 * message; {@code {{name}}} slots are filled from the given values, and an unknown slot is an error
 * (a typo would otherwise send a prompt with a hole in it).
 */
public final class PromptTemplates {

    private static final Pattern SLOT = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private final ConfigDir config;

    public PromptTemplates(ConfigDir config) {
        this.config = config;
    }

    public record Prompt(String template, String system, String user) {
        public List<LlmClient.Message> messages() {
            List<LlmClient.Message> m = new ArrayList<>();
            if (!system.isBlank()) m.add(new LlmClient.Message("system", system));
            m.add(new LlmClient.Message("user", user));
            return m;
        }
    }

    public Prompt render(String skill, Map<String, String> slots) {
        String file = "prompts/" + skill + ".md";
        String text = config.readText(file).orElseThrow(() -> new ConfigException(file + " is missing (the LLM path needs one template per skill)"));
        String system = "", user = text;
        int split = text.indexOf("\n---\n");
        if (split >= 0) {
            system = text.substring(0, split);
            user = text.substring(split + 5);
        }
        return new Prompt(text, fill(system, slots, file), fill(user, slots, file));
    }

    static String fill(String template, Map<String, String> slots, String where) {
        Matcher m = SLOT.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = slots.get(m.group(1));
            if (value == null) throw new ConfigException(where + ": unknown slot {{" + m.group(1) + "}} (known: " + String.join(", ", slots.keySet()) + ")");
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString().strip();
    }
}
