package dev.nightjar.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplatesTest {

    @TempDir
    Path tmp;

    @Test
    void bundledTemplatesSplitSystemAndUserAndFillSlots() {
        PromptTemplates.Prompt p = new PromptTemplates(new ConfigDir(tmp)).render("ask",
                Map.of("question", "Q?", "subject", "S", "facts", "- f [1]", "conflicts", "(none)"));
        assertThat(p.system()).contains("only the numbered facts");
        assertThat(p.user()).contains("Question: Q?", "- f [1]").doesNotContain("{{");
        assertThat(p.messages()).hasSize(2);
    }

    @Test
    void aUsersEditedTemplateWinsAndAnUnknownSlotIsAConfigError() throws Exception {
        Files.createDirectories(tmp.resolve("prompts"));
        Files.writeString(tmp.resolve("prompts/ask.md"), "Be terse.\n---\n{{question}} {{typo}}");
        assertThatThrownBy(() -> new PromptTemplates(new ConfigDir(tmp)).render("ask", Map.of("question", "Q")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown slot {{typo}}");
    }

    @Test
    void settingsComeFromTheEnvironmentWithDefaults() {
        LlmSettings off = LlmSettings.from(Environment.of(Map.of()));
        assertThat(off.enabled()).isFalse();
        assertThat(off.model()).isEqualTo("gpt-4o-mini");
        assertThat(off.budget()).isEqualTo(200_000);
        LlmSettings on = LlmSettings.from(Environment.of(Map.of("OPENAI_API_KEY", "k", "OPENAI_MODEL", "m", "NIGHTJAR_LLM_BUDGET", "50_000")));
        assertThat(on.enabled()).isTrue();
        assertThat(on.budget()).isEqualTo(50_000);
        assertThatThrownBy(() -> LlmSettings.from(Environment.of(Map.of("NIGHTJAR_LLM_BUDGET", "lots")))).isInstanceOf(ConfigException.class);
    }
}
