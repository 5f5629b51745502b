package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The GitHub list endpoints we walk, newest first, and how each one is filtered incrementally. Every
 * walk starts at the same first-page URL night after night (no {@code since} in it), so the ETag of the
 * previous night's first page applies and an unchanged repository answers 304, which costs no rate
 * limit, on the very first quiet night after any sync (with {@code since=} the URL moved with the
 * watermark and the first quiet night still paid). Pulls, issues and both comment lists are sorted
 * {@code sort=updated&direction=desc} and the walk stops at the first page that reaches back past the
 * watermark. Commits are listed in graph order, not by date, so when their first page has changed the
 * walk continues with {@code since=} (committed at or after), which the API filters by date itself.
 * Descending order matters: an item updated during the walk jumps to page 1 (already read), is newer
 * than the watermark we store, and so is read by the next run; with ascending order it would shift the
 * next item onto an already-read page and that item would be lost.
 */
enum StreamKind {
    PULLS("pulls", "/pulls?state=all&sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, false),
    ISSUES("issues", "/issues?state=all&sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, false),
    COMMENTS("comments", "/issues/comments?sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, false),
    REVIEW_COMMENTS("review-comments", "/pulls/comments?sort=updated&direction=desc&per_page=" + GitHubClient.PAGE_SIZE, false),
    /** No sha: the default branch in graph order; after a changed first page, {@code since} filters by commit date. */
    COMMITS("commits", "/commits?per_page=" + GitHubClient.PAGE_SIZE, true),
    /** Reviews are read per PR that changed; see {@link ReviewsStream}. */
    REVIEWS("reviews", null, false);

    final String prefix;
    private final String pathAndQuery;
    /** Not in date order: an incremental walk goes on through {@code since=} (see the type's comment). */
    final boolean walksBySince;

    StreamKind(String prefix, String pathAndQuery, boolean walksBySince) {
        this.prefix = prefix;
        this.pathAndQuery = pathAndQuery;
        this.walksBySince = walksBySince;
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

    /** The first URL of every walk, the same each night so that its ETag can answer 304. */
    String firstUrl(GitHubClient client, String repo) {
        return client.url("/repos/" + repo + pathAndQuery);
    }

    /** The walk of what changed at or after {@code since}, for the kinds that {@link #walksBySince}. */
    String sinceUrl(GitHubClient client, String repo, String since) {
        return firstUrl(client, repo) + "&since=" + since;
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
