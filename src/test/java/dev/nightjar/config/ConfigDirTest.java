package dev.nightjar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.connectors.github.GitHubSettings;
import org.junit.jupiter.api.Test;

class ConfigDirTest {

    @Test
    void aConnectorFileWithoutEnabledIsOnAndOneThatSaysFalseIsOff() {
        assertThat(ConfigDir.parseYaml("base-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepos: [acme/api]\n",
                GitHubSettings.class, "connectors/github.yml").enabled()).isTrue();
        assertThat(ConfigDir.parseYaml("enabled: false\nrepos: [acme/api]\n", GitHubSettings.class, "connectors/github.yml").enabled())
                .isFalse();
    }

    @Test
    void emptyAndMalformedFilesAreOneClearLine() {
        assertThatThrownBy(() -> ConfigDir.parseYaml("", GitHubSettings.class, "connectors/github.yml"))
                .isInstanceOf(ConfigException.class).hasMessage("connectors/github.yml: the file is empty");
        assertThatThrownBy(() -> ConfigDir.parseYaml("repos: [acme/api\n", GitHubSettings.class, "connectors/github.yml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("invalid YAML at line");
    }
}
