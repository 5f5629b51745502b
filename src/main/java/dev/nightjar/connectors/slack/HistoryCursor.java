package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cursor of one channel's message stream, stored by the job as JSON text.
 *
 * <ul>
 *   <li>{@code watermark}: the newest top-level ts of the last <em>completed</em> walk; the next walk
 *       treats anything newer as new. It only moves when a walk reaches its last page, because
 *       history pages come newest first: moving it after page 1 would skip the older pages.</li>
 *   <li>{@code threads}: root ts → {@code latest_reply#reply_count[@edited.ts]} of every thread (and
 *       edited message) whose root is inside the lookback window, as last read; a different value in
 *       history means it changed (a late reply, a deleted reply, an edit) and it is read again.</li>
 *   <li>during a walk: {@code oldest} (the history filter, fixed for the whole walk),
 *       {@code horizon} (start of the lookback window), {@code page} (Slack's
 *       {@code next_cursor}) and {@code top} (newest ts seen so far in this walk).</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class HistoryCursor {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @JsonProperty("watermark") String watermark;
    @JsonProperty("walking") boolean walking;
    @JsonProperty("oldest") String oldest;
    @JsonProperty("horizon") String horizon;
    @JsonProperty("page") String page;
    @JsonProperty("top") String top;
    @JsonProperty("threads") TreeMap<String, String> threads = new TreeMap<>();

    static HistoryCursor parse(String text) {
        if (text == null || text.isBlank()) return new HistoryCursor();
        try {
            HistoryCursor c = JSON.readValue(text, HistoryCursor.class);
            if (c.threads == null) c.threads = new TreeMap<>();
            return c;
        } catch (JsonProcessingException e) {
            throw new ConnectorException(SlackClient.SOURCE, "unreadable cursor (run sync --full to start over): " + e.getOriginalMessage());
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Begins a walk: new messages since the watermark plus every root inside the lookback window. */
    void startWalk(String horizonTs) {
        walking = true;
        horizon = horizonTs;
        oldest = watermark == null ? null : Ts.min(watermark, horizonTs);
        page = null;
        top = null;
    }

    /** Ends a walk: only now does the watermark move, and threads that left the window are forgotten. */
    void finishWalk() {
        watermark = Ts.max(watermark, top);
        threads.keySet().removeIf(root -> horizon != null && Ts.compare(root, horizon) < 0);
        walking = false;
        oldest = null;
        horizon = null;
        page = null;
        top = null;
    }

    Map<String, String> threads() {
        return threads;
    }
}
