package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;
import java.util.List;

/**
 * The opaque cursor of the Notion streams, as a small JSON object.
 *
 * @param since   the watermark this walk started from (last_edited_time, ISO-8601); null = full sync
 * @param next    the watermark the walk will hand on when it ends (kept while the walk is under way)
 * @param after   Notion's {@code next_cursor} to resume the current listing at
 * @param sources data sources (or databases) whose rows are still to be read in this walk, first = current
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotionCursor(String since, String next, String after, List<Source> sources) {

    record Source(String id, String title) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static NotionCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) return new NotionCursor(null, null, null, null);
        try {
            return JSON.readValue(cursor, NotionCursor.class);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(NotionClient.SOURCE, "unreadable cursor: " + cursor);
        }
    }

    /** The cursor the next incremental run starts from. */
    static String watermark(String since) {
        return new NotionCursor(since, null, null, null).json();
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
