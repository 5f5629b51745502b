package dev.nightjar.connectors.github;

import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.ConnectorSettings;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code connectors/github.yml}: the common keys plus the selection, either {@code repos: [owner/name]}
 * or {@code org: name} (every repository of the organisation, discovered through the API at run time).
 */
public record GitHubSettings(boolean enabled, String baseUrl, String tokenEnv, List<String> repos, String org) implements ConnectorSettings {

    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");
    private static final Pattern ORG = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    public GitHubSettings {
        repos = repos == null ? List.of() : List.copyOf(repos);
    }

    /** Checks the selection; called by the factory so that a typo fails before any request is sent. */
    public GitHubSettings validated(String where) {
        boolean hasOrg = org != null && !org.isBlank();
        if (!enabled) return this;
        if (hasOrg == !repos.isEmpty()) {
            throw new ConfigException(where + ": set exactly one of 'repos' (e.g. [acme/api]) or 'org' (e.g. acme)");
        }
        if (hasOrg && !ORG.matcher(org).matches()) {
            throw new ConfigException(where + ": org '" + org + "' is not a GitHub organisation name");
        }
        for (String repo : repos) {
            if (repo == null || !REPO.matcher(repo).matches()) {
                throw new ConfigException(where + ": repo '" + repo + "' is not of the form owner/name");
            }
        }
        return this;
    }
}
