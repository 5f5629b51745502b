package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.Unreadable;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.http.ApiResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reviews of the PRs that changed since this stream's watermark. GitHub has no repo-wide review
 * listing, so the stream walks the PR list itself ({@code sort=updated&direction=desc}, the same URL
 * and conditional request as the pulls stream, so an unchanged repository costs one 304) and, for each
 * PR updated after the watermark, reads {@code /pulls/{n}/reviews?per_page=100} to its last page.
 * Submitting a review bumps the PR's {@code updated_at}, so a new review is always found this way.
 * Each {@link #read} makes one request; the cursor keeps the queue of PRs still to read, so a crash
 * resumes at the next review page rather than re-reading the whole PR list.
 */
final class ReviewsStream implements SourceStream {

    private final String repo;
    private final GitHubClient client;

    ReviewsStream(String repo, GitHubClient client) {
        this.repo = repo;
        this.client = client;
    }

    @Override
    public String name() {
        return StreamKind.REVIEWS.streamName(repo);
    }

    @Override
    public Page read(String cursor) {
        WalkCursor c = WalkCursor.parse(cursor);
        String before = c.json();
        try {
            return c.queue.isEmpty() ? readPulls(c) : readReviews(c);
        } catch (ObjectUnavailableException e) {
            // the PR list itself: this repository's pulls are not available to us (see UpdatedWalkStream)
            return new Page(List.of(), before, true, List.of(Unreadable.of("repo " + repo + " pulls", e)));
        } catch (ConnectorException e) {
            throw e.at(name(), cursor);
        }
    }

    private Page readPulls(WalkCursor c) {
        boolean first = !c.walking;
        String url = first ? StreamKind.PULLS.firstUrl(client, repo) : c.next;
        ApiResponse response = client.get(url, first && url.equals(c.etagUrl) ? c.etag : null);
        if (response.isNotModified()) return new Page(List.of(), c.json(), true);
        if (first) {
            c.etagUrl = url;
            c.etag = response.header("ETag");
        }
        boolean reachedWatermark = false;
        for (JsonNode pr : GitHubClient.array(response, url)) {
            Instant time = StreamKind.PULLS.time(pr);
            String key = StreamKind.PULLS.key(pr);
            if (c.olderThanWatermark(time)) reachedWatermark = true;
            if (c.alreadySeen(time, key) || !pr.path("number").canConvertToInt()) continue;
            c.observe(time, key);
            c.queue.add(pr.path("number").asInt());
        }
        Optional<String> next = GitHubClient.nextLink(response);
        c.next = next.isPresent() && !reachedWatermark ? next.get() : null;
        c.walking = true;
        return endOrContinue(c, List.of());
    }

    private Page readReviews(WalkCursor c) {
        int number = c.queue.get(0);
        String url = c.reviewsNext != null ? c.reviewsNext
                : client.url("/repos/" + repo + "/pulls/" + number + "/reviews?per_page=" + GitHubClient.PAGE_SIZE);
        ApiResponse response;
        try {
            response = client.get(url, null);
        } catch (ObjectUnavailableException e) {
            // one PR's reviews (a PR deleted or hidden since it was listed): report it, go on with the next PR
            c.reviewsNext = null;
            c.queue.remove(0);
            Page rest = endOrContinue(c, List.of());
            return new Page(List.of(), rest.nextCursor(), rest.last(),
                    List.of(Unreadable.of("pull " + repo + "#" + number + " reviews", e)));
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode review : GitHubClient.array(response, url)) {
            records.add(new SourceRecord(name(), repo, review));
        }
        Optional<String> next = GitHubClient.nextLink(response);
        if (next.isPresent()) {
            c.reviewsNext = next.get();
        } else {
            c.reviewsNext = null;
            c.queue.remove(0);
        }
        return endOrContinue(c, records);
    }

    /** The walk ends once the PR list is exhausted (or reached the watermark) and no PR is left in the queue. */
    private static Page endOrContinue(WalkCursor c, List<SourceRecord> records) {
        if (c.queue.isEmpty() && c.next == null) {
            c.finishWalk();
            return new Page(records, c.json(), true);
        }
        return new Page(records, c.json(), false);
    }
}
