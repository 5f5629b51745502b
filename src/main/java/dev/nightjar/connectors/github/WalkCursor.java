package dev.nightjar.connectors.github;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The opaque cursor of a GitHub stream, as a small JSON object.
 * <ul>
 *   <li>{@code since}/{@code seen}: the watermark of the last finished walk (newest {@code updated_at}
 *       returned) and the keys of the records AT that instant, so the next walk, which asks for
 *       "updated at or after" it, does not hand them back again;</li>
 *   <li>{@code next}: the {@code Link rel="next"} URL to resume a walk after a saved page;</li>
 *   <li>{@code top}/{@code topSeen}: the newest instant seen by the walk in progress; it only becomes
 *       {@code since} when the walk ends, so a crash mid-walk never skips unread pages;</li>
 *   <li>{@code etagUrl}/{@code etag}: the ETag of the walk's first request, sent back as
 *       {@code If-None-Match} when the next run asks for the same URL. Kept here rather than in an
 *       OkHttp disk cache because the cursor is already persisted per stream by the job (no extra
 *       directory to manage), and because OkHttp's cache replays a 304 as the cached 200, which would
 *       make an unchanged repository yield every record again and hide the 304 from our counters;</li>
 *   <li>reviews only: {@code walking}, {@code queue} (PR numbers whose reviews are still to read) and
 *       {@code reviewsNext} (next page of the current PR's reviews).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class WalkCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    String since;
    List<String> seen = new ArrayList<>();
    String next;
    String top;
    List<String> topSeen = new ArrayList<>();
    String etagUrl;
    String etag;
    boolean walking;
    List<Integer> queue = new ArrayList<>();
    String reviewsNext;

    static WalkCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) return new WalkCursor();
        try {
            WalkCursor c = JSON.readValue(cursor, WalkCursor.class);
            if (c.seen == null) c.seen = new ArrayList<>();
            if (c.topSeen == null) c.topSeen = new ArrayList<>();
            if (c.queue == null) c.queue = new ArrayList<>();
            return c;
        } catch (JsonProcessingException e) {
            throw new ConnectorException(GitHubConnector.SOURCE, "unreadable cursor (run sync with --full): " + e.getOriginalMessage());
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant sinceInstant() {
        return since == null ? null : Instant.parse(since);
    }

    /** Already returned by an earlier walk: older than the watermark, or at it and already seen. */
    boolean alreadySeen(Instant time, String key) {
        Instant s = sinceInstant();
        if (s == null || time == null) return false;
        return time.isBefore(s) || (time.equals(s) && seen.contains(key));
    }

    boolean olderThanWatermark(Instant time) {
        Instant s = sinceInstant();
        return s != null && time != null && time.isBefore(s);
    }

    /** Notes a record the walk in progress returns. */
    void observe(Instant time, String key) {
        if (time == null) return;
        Instant t = top == null ? null : Instant.parse(top);
        if (t == null || time.isAfter(t)) {
            top = time.toString();
            topSeen = new ArrayList<>(List.of(key));
        } else if (time.equals(t) && !topSeen.contains(key)) {
            topSeen.add(key);
        }
    }

    /** The walk reached its end: everything up to {@code top} was returned, so it becomes the watermark. */
    void finishWalk() {
        if (top != null) {
            Instant t = Instant.parse(top);
            Instant s = sinceInstant();
            if (s == null || t.isAfter(s)) {
                since = top;
                seen = topSeen;
            } else if (t.equals(s)) {
                LinkedHashSet<String> union = new LinkedHashSet<>(seen);
                union.addAll(topSeen);
                seen = new ArrayList<>(union);
            }
        }
        top = null;
        topSeen = new ArrayList<>();
        next = null;
        walking = false;
        queue = new ArrayList<>();
        reviewsNext = null;
    }
}
