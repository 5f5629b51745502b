package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The GitHub list endpoints we walk, newest first, and how each one is filtered incrementally. Pulls
 * have no {@code since}: the walk is {@code sort=updated&direction=desc} and stops at the first page
 * that reaches back past the watermark. The others take {@code since} (updated at or after), so the API
 * itself ends the walk. Descending order matters: an item updated during the walk jumps to page 1
 * (already read), is newer than the watermark we store, and so is read by the next run; with ascending
 * order it would shift the next item onto an already-read page and that item would be lost.
 */
enum StreamKind {
    PULLS("pulls", "/pulls?state=all&sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, false),
    ISSUES("issues", "/issues?state=all&sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, true),
    COMMENTS("comments", "/issues/comments?sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, true),
    REVIEW_COMMENTS("review-comments", "/pulls/comments?sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, true),
    /** No sha: the default branch, newest first; {@code since} filters by commit date. */
    COMMITS("commits", "/commits?per_page=" + GitHubClient.PAGE_SIZE, true),
    /** Reviews are read per PR that changed; see {@link ReviewsStream}. */
    REVIEWS("reviews", null, false);

    final String prefix;
    private final String pathAndQuery;
    final boolean usesSince;

    StreamKind(String prefix, String pathAndQuery, boolean usesSince) {
        this.prefix = prefix;
        this.pathAndQuery = pathAndQuery;
        this.usesSince = usesSince;
    }

    String streamName(String repo) {
        return prefix + ":" + repo;
    }

    static StreamKind ofStream(String streamName) {
        String prefix = streamName.substring(0, streamName.indexOf(':') < 0 ? streamName.length() : streamName.indexOf(':'));
        for (StreamKind kind : values()) {
            if (kind.prefix.equals(prefix)) return kind;
        }
        throw new IllegalArgumentException("not a GitHub stream: " + streamName);
    }

    /** The first URL of a walk: {@code since} is added where the endpoint has it and a watermark exists. */
    String firstUrl(GitHubClient client, String repo, String since) {
        String url = client.url("/repos/" + repo + pathAndQuery);
        return usesSince && since != null ? url + "&since=" + since : url;
    }

    /** The instant the watermark follows: {@code updated_at}, or the committer date of a commit. */
    Instant time(JsonNode item) {
        return this == COMMITS ? instant(item.path("commit").path("committer").path("date"))
                : instant(item.path("updated_at"));
    }

    String key(JsonNode item) {
        return this == COMMITS ? item.path("sha").asText("") : item.path("id").asText("");
    }

    /** The issues endpoint also lists PRs (items with a {@code pull_request} key); the pulls stream has them. */
    boolean keep(JsonNode item) {
        return this != ISSUES || !item.has("pull_request");
    }

    static Instant instant(JsonNode node) {
        if (node == null || !node.isTextual()) return null;
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
