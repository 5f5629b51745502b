package dev.nightjar.connectors.wandb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;
import java.util.List;

/**
 * Cursor of one project's runs stream, a small JSON object.
 *
 * @param since   heartbeat watermark (as W&B wrote it) the walk asks for runs after; null = full sync
 * @param next    the newest heartbeat seen so far in this walk (becomes {@code since} when it ends)
 * @param after   the GraphQL {@code endCursor} to resume the current listing at
 * @param refresh runs still to re-fetch because they were {@code running} last time (phase two of a walk)
 * @param running runs seen {@code running} in this walk (re-fetched next time even without a new heartbeat)
 * @param phase   {@code updated} (runs with a newer heartbeat) or {@code refresh} (previously running runs)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RunsCursor(String since, String next, String after, List<String> refresh, List<String> running, String phase) {

    static final String UPDATED = "updated";
    static final String REFRESH = "refresh";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    RunsCursor {
        refresh = refresh == null ? List.of() : List.copyOf(refresh);
        running = running == null ? List.of() : List.copyOf(running);
        phase = phase == null ? UPDATED : phase;
    }

    static RunsCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) return new RunsCursor(null, null, null, null, null, null);
        try {
            return JSON.readValue(cursor, RunsCursor.class);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(WandbClient.SOURCE, "unreadable cursor: " + cursor);
        }
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
