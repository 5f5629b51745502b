package dev.nightjar.connectors.github;

import dev.nightjar.connectors.ConnectorException;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.extras.okhttp3.OkHttpGitHubConnector;

/**
 * The repositories of an {@code org:} selection, listed with GitHub API for Java (github-api): a typed,
 * one-off listing that its own Link paging serves well. The nightly walks themselves use
 * {@link GitHubClient} instead, because they need what github-api hides (resumable page URLs in our
 * cursor, counted 304s, the raw JSON); see that class.
 */
final class OrgRepositories {

    private final String baseUrl;
    private final String token;
    private final OkHttpClient http;

    OrgRepositories(String baseUrl, String token, OkHttpClient http) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.http = http;
    }

    /** {@code owner/name} of every repository of {@code org} the token can see. */
    List<String> list(String org) {
        try {
            // built only when an org is configured: building it checks the token with GET /user
            GitHub github = new GitHubBuilder().withEndpoint(baseUrl).withOAuthToken(token)
                    .withConnector(new OkHttpGitHubConnector(http)).build();
            return github.getOrganization(org).listRepositories().withPageSize(GitHubClient.PAGE_SIZE).toList().stream()
                    .map(GHRepository::getFullName).toList();
        } catch (IOException e) {
            throw new ConnectorException(GitHubConnector.SOURCE, "listing the repositories of org " + org + " failed: " + e.getMessage()
                    + " [stream repos:" + org + "]");
        }
    }
}
