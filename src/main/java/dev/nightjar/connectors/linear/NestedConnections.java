package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import java.util.List;
import java.util.Map;

/**
 * Completes the connections nested inside a stream's nodes (an issue's labels, a team's members, a
 * project's initiatives and teams). The stream's query asks for a few of each so that a page of 250
 * parents stays under Linear's complexity cap, and without their {@code pageInfo}, which the cap would
 * count once per item. A parent that came back with as many as were asked for may have more: its list
 * is read again whole here, page by page, with {@link LinearQueries#NESTED_REST}, so no list is stored
 * as complete while it was cut short.
 */
final class NestedConnections {

    /**
     * One nested connection: where it lives, the field with its arguments, what each node holds, and
     * how many the stream's query asks for ({@code first:} there).
     */
    record Nested(String entity, String field, String arguments, String selection, int inline) {
        String query() {
            return LinearQueries.NESTED_REST.formatted(entity, field + "(first: " + LinearQueries.MAX_PAGE + ", after: $after"
                    + arguments + ")", selection);
        }
    }

    /** By the stream's root connection; the selections match the stream queries'. */
    static final Map<String, List<Nested>> BY_ROOT = Map.of(
            "issues", List.of(new Nested("issue", "labels", "", "name", 20)),
            "teams", List.of(new Nested("team", "members", ", includeDisabled: true", "id", 100)),
            "projects", List.of(new Nested("project", "initiatives", "", "id name", 10), new Nested("project", "teams", "", "key", 10)));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinearClient client;

    NestedConnections(LinearClient client) {
        this.client = client;
    }

    /** Fills in every truncated nested connection of {@code node} (a page node the caller may change). */
    void complete(String root, JsonNode node) {
        for (Nested nested : BY_ROOT.getOrDefault(root, List.of())) {
            JsonNode connection = node.path(nested.field());
            if (connection.path("nodes").size() < nested.inline() || !(connection instanceof ObjectNode target)) continue;
            String id = node.path("id").asText("");
            if (id.isEmpty()) continue;
            ArrayNode nodes = target.putArray("nodes");
            String after = null;
            boolean more = true;
            while (more) {
                ObjectNode variables = JSON.createObjectNode().put("id", id);
                if (after != null) variables.put("after", after);
                JsonNode rest = client.query(nested.query(), variables).path(nested.entity()).path(nested.field());
                rest.path("nodes").forEach(nodes::add);
                String next = rest.path("pageInfo").path("endCursor").asText(null);
                more = rest.path("pageInfo").path("hasNextPage").asBoolean(false);
                if (more && (next == null || next.equals(after))) {
                    throw new ConnectorException(LinearConnectorFactory.SOURCE, nested.entity() + " " + id + " " + nested.field()
                            + ": hasNextPage is true but endCursor does not move");
                }
                after = next;
            }
        }
    }
}
