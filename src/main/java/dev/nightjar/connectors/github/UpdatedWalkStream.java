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
 * One list endpoint of one repository, read one API page per {@link #read} call, newest first,
 * following {@code Link rel="next"} as given. See {@link StreamKind} for how each endpoint is
 * filtered and {@link WalkCursor} for what the cursor holds.
 */
final class UpdatedWalkStream implements SourceStream {

    private final StreamKind kind;
    private final String repo;
    private final GitHubClient client;

    UpdatedWalkStream(StreamKind kind, String repo, GitHubClient client) {
        this.kind = kind;
        this.repo = repo;
        this.client = client;
    }

    @Override
    public String name() {
        return kind.streamName(repo);
    }

    /**
     * A 4xx about this repository's endpoint (409: the repository is empty; 410: issues are disabled;
     * 403/404: not shared with the token) makes this stream unreadable for this run: it is reported
     * and ends with the cursor it had, so the other streams and repositories are read.
     */
    @Override
    public Page read(String cursor) {
        WalkCursor c = WalkCursor.parse(cursor);
        String before = c.json();
        try {
            return readPage(c);
        } catch (ObjectUnavailableException e) {
            return new Page(List.of(), before, true, List.of(Unreadable.of("repo " + repo + " " + kind.prefix, e)));
        } catch (ConnectorException e) {
            throw e.at(name(), cursor);
        }
    }

    private Page readPage(WalkCursor c) {
        boolean first = c.next == null;
        String url = first ? kind.firstUrl(client, repo) : c.next;
        String etag = first && url.equals(c.etagUrl) ? c.etag : null;
        ApiResponse response = client.get(url, etag);
        if (response.isNotModified()) {
            // same URL, same answer as last time: nothing changed, and it cost no rate limit
            return new Page(List.of(), c.json(), true);
        }
        if (first) {
            c.etagUrl = url;
            c.etag = response.header("ETag");
            if (kind.walksBySince && c.since != null) {
                // the first page changed; in graph order it cannot say where the watermark is, so `since` walks instead
                c.next = kind.sinceUrl(client, repo, c.since);
                return new Page(List.of(), c.json(), false);
            }
        }
        List<SourceRecord> records = new ArrayList<>();
        boolean reachedWatermark = false;
        for (JsonNode item : GitHubClient.array(response, url)) {
            Instant time = kind.time(item);
            String key = kind.key(item);
            if (c.olderThanWatermark(time)) reachedWatermark = true;
            if (c.alreadySeen(time, key)) continue;
            c.observe(time, key);
            if (kind.keep(item)) records.add(new SourceRecord(name(), repo, item));
        }
        Optional<String> next = GitHubClient.nextLink(response);
        if (next.isPresent() && !reachedWatermark) {
            c.next = next.get();
            return new Page(records, c.json(), false);
        }
        c.finishWalk();
        return new Page(records, c.json(), true);
    }
}
