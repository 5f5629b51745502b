package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connectors/github.yml} and the token variable. No HTTP is sent by any of these. */
class GitHubConfigTest {

    @TempDir
    Path dir;

    ConfigDir config(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/github.yml"), yaml);
        return new ConfigDir(dir);
    }

    ConnectorContext context(Map<String, String> env) {
        return ConnectorContext.production(Environment.of(env));
    }

    @Test
    void missingTokenNamesTheVariable() throws Exception {
        ConfigDir config = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GH_NIGHTJAR\nrepos: [acme/api]\n");
        assertThatThrownBy(() -> new GitHubConnectorFactory().create(config, context(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("GH_NIGHTJAR");
    }

    @Test
    void unknownKeyIsAConfigError() throws Exception {
        ConfigDir config = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepo: [acme/api]\n");
        assertThatThrownBy(() -> new GitHubConnectorFactory().settings(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'repo'").hasMessageContaining("repos");
    }

    @Test
    void exactlyOneOfReposAndOrg() throws Exception {
        ConfigDir both = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepos: [acme/api]\norg: acme\n");
        assertThatThrownBy(() -> new GitHubConnectorFactory().settings(both)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("exactly one of 'repos'");
        ConfigDir neither = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\n");
        assertThatThrownBy(() -> new GitHubConnectorFactory().settings(neither)).isInstanceOf(ConfigException.class);
        ConfigDir badRepo = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepos: [acme]\n");
        assertThatThrownBy(() -> new GitHubConnectorFactory().settings(badRepo)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("owner/name");
    }

    @Test
    void disabledGivesNoConnectorAndNeedsNoToken() throws Exception {
        ConfigDir config = config("enabled: false\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepos: []\n");
        assertThat(new GitHubConnectorFactory().create(config, context(Map.of()))).isEmpty();
    }

    @Test
    void theShippedDefaultParses() throws Exception {
        String shipped = Files.readString(Path.of("connectors/github.yml"));
        GitHubSettings settings = new GitHubConnectorFactory().settings(config(shipped));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.baseUrl()).isEqualTo("https://api.github.com");
        assertThat(settings.tokenEnv()).isEqualTo("GITHUB_TOKEN");
        assertThat(settings.repos()).containsExactly("acme/api");
    }

    @Test
    void baseUrlOverrideAndTokenStayOutOfToString() throws Exception {
        ConfigDir config = config("enabled: true\nbase-url: https://api.github.com\ntoken-env: GITHUB_TOKEN\nrepos: [acme/api]\n");
        var connector = new GitHubConnectorFactory().create(config, context(Map.of("GITHUB_TOKEN", "ghp_secret123",
                "NIGHTJAR_GITHUB_BASE_URL", "http://127.0.0.1:9/"))).orElseThrow();
        assertThat(connector.streams()).extracting(s -> s.name()).containsExactly("pulls:acme/api", "reviews:acme/api",
                "issues:acme/api", "comments:acme/api", "review-comments:acme/api", "commits:acme/api");
        GitHubClient client = GitHubClient.create("http://127.0.0.1:9", "ghp_secret123", context(Map.of()));
        assertThat(client.toString()).doesNotContain("ghp_secret123").contains("127.0.0.1");
        assertThat(client.url("/repos/acme/api/pulls")).isEqualTo("http://127.0.0.1:9/repos/acme/api/pulls");
    }
}
