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
 * Reads a page's block tree: {@code GET /v1/blocks/{id}/children} page by page (100 a page), and
 * again for every block with {@code has_children} (toggles, columns, synced blocks, callouts, lists,
 * tables), down to {@link #MAX_DEPTH}. Child pages and child databases are documents of their own, so
 * they are not descended into. Children are attached to their block as {@code _children}, which keeps
 * the normalizer pure.
 */
final class BlockReader {

    static final String CHILDREN = "_children";
    static final String TRUNCATED = "_truncated";
    static final String UNREADABLE = "_unreadable";
    /** Notion nests deeply only in pathological pages; beyond this depth the text is not worth the requests. */
    static final int MAX_DEPTH = 8;
    /** Upper bound on blocks read for one page (a runaway page must not stall the whole sync). */
    static final int MAX_BLOCKS = 5_000;
    private static final Set<String> OWN_DOCUMENTS = Set.of("child_page", "child_database");

    private final NotionClient client;

    BlockReader(NotionClient client) {
        this.client = client;
    }

    /**
     * The page's top-level blocks, each with its descendants under {@code _children}. A block whose
     * children the API will not give us (400 for a block type the API does not support, 403/404 for a
     * synced block whose original is not shared, ...) keeps its place, is marked {@code _unreadable}
     * and is noted in {@code unreadable}; the rest of the page is read.
     */
    ArrayNode read(String pageId, List<Unreadable> unreadable) {
        int[] budget = {MAX_BLOCKS};
        return children(pageId, 1, budget, unreadable);
    }

    private ArrayNode children(String blockId, int depth, int[] budget, List<Unreadable> unreadable) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        String cursor = null;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("page_size", "100");
            query.put("start_cursor", cursor);
            JsonNode page;
            try {
                page = client.get("/v1/blocks/" + blockId + "/children", query);
            } catch (ObjectUnavailableException e) {
                unreadable.add(Unreadable.of("block " + blockId + " children", e));
                out.add(JsonNodeFactory.instance.objectNode().put("type", UNREADABLE));
                return out;
            }
            for (JsonNode block : page.path("results")) {
                if (budget[0]-- <= 0) {
                    out.add(JsonNodeFactory.instance.objectNode().put("type", TRUNCATED));
                    return out;
                }
                ObjectNode copy = block.deepCopy();
                boolean descend = block.path("has_children").asBoolean(false)
                        && !OWN_DOCUMENTS.contains(block.path("type").asText());
                if (descend && depth < MAX_DEPTH) {
                    copy.set(CHILDREN, children(block.path("id").asText(), depth + 1, budget, unreadable));
                } else if (descend) {
                    copy.put(TRUNCATED, true);
                }
                out.add(copy);
            }
            cursor = page.path("has_more").asBoolean(false) ? textOrNull(page.path("next_cursor")) : null;
        } while (cursor != null);
        return out;
    }

    private static String textOrNull(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
