package dev.nightjar.connectors.github;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import java.util.Optional;

/** Builds the GitHub connector from {@code connectors/github.yml}. */
public final class GitHubConnectorFactory implements ConnectorFactory {

    static final String FILE = "connectors/github.yml";

    public GitHubConnectorFactory() {
    }

    @Override
    public String source() {
        return GitHubConnector.SOURCE;
    }

    @Override
    public GitHubSettings settings(ConfigDir config) {
        GitHubSettings settings = config.readYaml(FILE, GitHubSettings.class)
                .orElseThrow(() -> new ConfigException(FILE + ": file not found"));
        return settings.validated(config.describe(FILE));
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        GitHubSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        String token = context.token(GitHubConnector.SOURCE, settings);
        String baseUrl = context.baseUrl(GitHubConnector.SOURCE, settings);
        return Optional.of(new GitHubConnector(settings, GitHubClient.create(baseUrl, token, context),
                new OrgRepositories(baseUrl, token, context.http())));
    }
}
