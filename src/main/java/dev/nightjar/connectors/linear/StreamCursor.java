package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The opaque cursor of a Linear stream, stored by the job as JSON.
 *
 * @param since the {@code updatedAt} watermark this walk filters on (null = full sync)
 * @param after the API's {@code endCursor} of the last page read (null at the start of a walk)
 * @param max   the largest {@code updatedAt} seen so far in this walk; it becomes the next
 *              {@code since} only when the walk reaches its last page, so a crash mid-walk never
 *              moves the watermark past records not yet returned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StreamCursor(String since, String after, String max) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final StreamCursor START = new StreamCursor(null, null, null);

    /** Parses a stored cursor; null means a full sync from the beginning. */
    static StreamCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) return START;
        try {
            return JSON.readValue(cursor, StreamCursor.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Linear stream cursor: " + cursor, e);
        }
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
