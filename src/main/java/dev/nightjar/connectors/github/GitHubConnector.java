package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GitHub: for each configured repository (or every repository of the configured org), the streams
 * {@code pulls:}, {@code reviews:}, {@code issues:}, {@code comments:} (issue and PR conversation
 * comments), {@code review-comments:} (diff comments) and {@code commits:} (default branch).
 */
public final class GitHubConnector implements Connector {

    public static final String SOURCE = "github";

    private final GitHubSettings settings;
    private final GitHubClient client;
    private final GitHubNormalizer normalizer = new GitHubNormalizer();
    private List<SourceStream> streams;

    private final OrgRepositories orgRepositories;

    GitHubConnector(GitHubSettings settings, GitHubClient client, OrgRepositories orgRepositories) {
        this.orgRepositories = orgRepositories;
        this.settings = settings;
        this.client = client;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /** With {@code org:} the repositories are listed through the API the first time this is called. */
    @Override
    public synchronized List<SourceStream> streams() {
        if (streams == null) {
            List<SourceStream> all = new ArrayList<>();
            for (String repo : repos()) {
                all.add(new UpdatedWalkStream(StreamKind.PULLS, repo, client));
                all.add(new ReviewsStream(repo, client));
                all.add(new UpdatedWalkStream(StreamKind.ISSUES, repo, client));
                all.add(new UpdatedWalkStream(StreamKind.COMMENTS, repo, client));
                all.add(new UpdatedWalkStream(StreamKind.REVIEW_COMMENTS, repo, client));
                all.add(new UpdatedWalkStream(StreamKind.COMMITS, repo, client));
            }
            streams = List.copyOf(all);
        }
        return streams;
    }

    @Override
    public Normalizer normalizer() {
        return normalizer;
    }

    @Override
    public RequestStats stats() {
        return client.stats();
    }

    private List<String> repos() {
        return settings.repos().isEmpty() ? orgRepositories.list(settings.org()) : settings.repos();
    }
}
