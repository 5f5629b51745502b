package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.Unreadable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes list properties that a page object carries only in part. Notion puts at most 25 items of a
 * {@code title}, {@code rich_text}, {@code people} or {@code relation} property inline (a relation says
 * so with {@code has_more: true}); the rest come from {@code GET /v1/pages/{id}/properties/{property_id}},
 * a paginated list of {@code property_item}s (100 a page, {@code next_cursor}). Source: Notion's
 * "Retrieve a page property item" reference and its page-object note on the 25-reference limit.
 */
final class PropertyItems {

    /** Notion's documented inline limit for the paginated property types. */
    static final int INLINE_LIMIT = 25;
    private static final Set<String> PAGINATED = Set.of("title", "rich_text", "people", "relation");

    private final NotionClient client;

    PropertyItems(NotionClient client) {
        this.client = client;
    }

    /**
     * Replaces every truncated list property of {@code page} (a copy the caller owns) with the full
     * list. A property Notion will not list for us is kept as it came and noted in {@code unreadable}.
     */
    void complete(ObjectNode page, List<Unreadable> unreadable) {
        String pageId = page.path("id").asText("");
        JsonNode properties = page.path("properties");
        if (pageId.isEmpty() || !properties.isObject()) return;
        properties.fields().forEachRemaining(entry -> {
            JsonNode property = entry.getValue();
            String type = property.path("type").asText("");
            if (!PAGINATED.contains(type) || !truncated(property, type) || !(property instanceof ObjectNode target)) return;
            String propertyId = property.path("id").asText("");
            if (propertyId.isEmpty()) return;
            try {
                target.set(type, all(pageId, propertyId, type));
                target.put("has_more", false);
            } catch (ObjectUnavailableException e) {
                unreadable.add(Unreadable.of("page " + pageId + " property " + entry.getKey(), e));
            }
        });
    }

    /** Notion flags a truncated relation; for the other types a full inline list is the only sign. */
    private static boolean truncated(JsonNode property, String type) {
        return property.path("has_more").asBoolean(false) || property.path(type).size() >= INLINE_LIMIT;
    }

    /** Every item of one property, page after page, in the inline shape (an array of the type's values). */
    private ArrayNode all(String pageId, String propertyId, String type) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page_size", "100");
            query.put("start_cursor", cursor);
            // property ids come percent-encoded ("Zq%3Fj") and go into the path as they are
            JsonNode response = client.get("/v1/pages/" + pageId + "/properties/" + propertyId, query);
            for (JsonNode item : response.path("results")) {
                JsonNode value = item.path(type);
                if (!value.isMissingNode()) items.add(value);
            }
            cursor = response.path("has_more").asBoolean(false) ? NotionJson.text(response.path("next_cursor")) : null;
        } while (cursor != null);
        return items;
    }
}
