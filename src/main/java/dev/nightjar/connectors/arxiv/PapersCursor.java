package dev.nightjar.connectors.arxiv;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.ConnectorException;

/**
 * Cursor of the papers stream, a small JSON object.
 *
 * @param since  last-update time (ISO-8601) of the most recently updated paper a finished walk saw; the
 *               next walk stops at the first paper not updated after it. Null = read back {@code max-papers}.
 * @param newest the latest update seen so far in this walk (becomes {@code since} when it ends)
 * @param start  offset of the next slice in arXiv's most-recently-updated-first listing
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PapersCursor(String since, String newest, Integer start) {

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    PapersCursor {
        start = start == null ? 0 : start;
    }

    static PapersCursor parse(String cursor) {
        if (cursor == null || cursor.isBlank()) return new PapersCursor(null, null, 0);
        try {
            return JSON.readValue(cursor, PapersCursor.class);
        } catch (JsonProcessingException e) {
            throw new ConnectorException(ArxivClient.SOURCE, "unreadable cursor: " + cursor);
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
