package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * One Linear connection read page by page, {@code orderBy: updatedAt}, following
 * {@code pageInfo.endCursor} until {@code hasNextPage} is false. Incremental runs send
 * {@code filter: { updatedAt: { gt: <watermark> } }}; the watermark is the largest {@code updatedAt}
 * of the previous walk (see {@link StreamCursor}).
 */
final class LinearStream implements SourceStream {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = LinearConnectorFactory.SOURCE;

    private final StreamSpec spec;
    private final LinearClient client;
    private final NestedConnections nested;

    LinearStream(StreamSpec spec, LinearClient client) {
        this.spec = spec;
        this.client = client;
        this.nested = new NestedConnections(client);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public Page read(String cursor) {
        try {
            return readPage(parse(cursor));
        } catch (ConnectorException e) {
            throw e.at(spec.name(), cursor);
        }
    }

    private StreamCursor parse(String cursor) {
        try {
            return StreamCursor.parse(cursor);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(SOURCE, "stored cursor is not a Linear cursor; run sync with --full");
        }
    }

    /** The variables sent with the query; exposed for the schema test's variable checks. */
    ObjectNode variables(StreamCursor at) {
        ObjectNode variables = JSON.createObjectNode();
        if (at.after() != null) variables.put("after", at.after());
        if (!spec.serverFilter()) return variables;
        ObjectNode filter = spec.selection() == null ? JSON.createObjectNode() : spec.selection().deepCopy();
        if (at.since() != null) filter.putObject("updatedAt").put("gt", at.since());
        if (!filter.isEmpty()) variables.set("filter", filter);
        return variables;
    }

    private Page readPage(StreamCursor at) {
        JsonNode connection = client.query(spec.query(), variables(at)).path(spec.root());
        JsonNode nodes = connection.path("nodes");
        if (!nodes.isArray()) {
            throw new ConnectorException(SOURCE, "the response has no " + spec.root() + ".nodes");
        }
        Instant since = instant(at.since());
        String max = at.max();
        List<SourceRecord> records = new ArrayList<>(nodes.size());
        List<Instant> order = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            Instant updated = instant(node.path("updatedAt").asText(null));
            if (updated != null) {
                order.add(updated);
                if (max == null || updated.isAfter(Instant.parse(max))) max = node.path("updatedAt").asText();
            }
            // issueRelations cannot be filtered by the API: keep only what changed since the watermark
            if (!spec.serverFilter() && since != null && updated != null && !updated.isAfter(since)) continue;
            nested.complete(spec.root(), node);
            records.add(new SourceRecord(spec.name(), node));
        }
        JsonNode pageInfo = connection.path("pageInfo");
        boolean more = pageInfo.path("hasNextPage").asBoolean(false);
        String endCursor = pageInfo.path("endCursor").asText(null);
        if (more && !spec.serverFilter() && since != null && reachedKnownData(order, since)) more = false;
        if (more) {
            if (endCursor == null || endCursor.equals(at.after())) {
                throw new ConnectorException(SOURCE, spec.root() + ": hasNextPage is true but endCursor does not move");
            }
            return new Page(records, new StreamCursor(at.since(), endCursor, max).toJson(), false);
        }
        String watermark = max != null ? max : at.since();
        return new Page(records, new StreamCursor(watermark, null, null).toJson(), true);
    }

    /**
     * True when the page is ordered newest first and already reaches the watermark, so every later
     * page is older still ("order by updatedAt and stop at known data", Linear's advice). An
     * ascending page never stops the walk early.
     */
    private static boolean reachedKnownData(List<Instant> order, Instant since) {
        if (order.size() < 2) return false;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i).isAfter(order.get(i - 1))) return false;
        }
        Instant first = order.get(0), last = order.get(order.size() - 1);
        return first.isAfter(last) && !last.isAfter(since);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
