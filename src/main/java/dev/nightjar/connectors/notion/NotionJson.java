package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Small readers for Notion JSON shared by the streams and the normalizer. */
final class NotionJson {

    private NotionJson() {
    }

    static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    static Instant instant(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Archived or trashed: {@code archived} (both versions), {@code in_trash} / {@code is_archived} (2025+). */
    static boolean isDeleted(JsonNode page) {
        return page.path("archived").asBoolean(false) || page.path("in_trash").asBoolean(false)
                || page.path("is_archived").asBoolean(false);
    }

    /** A row of a database (2022-06-28 parent) or data source (2025-09-03 parent). */
    static boolean isRow(JsonNode page) {
        String parent = page.path("parent").path("type").asText("");
        return parent.equals("database_id") || parent.equals("data_source_id");
    }

    /** Plain text of a rich-text array. */
    static String plain(JsonNode richText) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode part : richText) {
            String t = part.path("plain_text").asText(null);
            if (t == null) t = part.path("text").path("content").asText("");
            sb.append(t);
        }
        return sb.toString();
    }
}
