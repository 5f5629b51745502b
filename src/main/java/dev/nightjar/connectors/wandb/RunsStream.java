package dev.nightjar.connectors.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.Unreadable;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One project's runs ({@code runs:<project>}). A walk has two phases:
 * <ol>
 *   <li>{@code updated}: runs whose heartbeat (or creation) is after the watermark, server-side
 *       filtered ({@code {"$or":[{"heartbeatAt":{"$gt":…}},{"createdAt":{"$gt":…}}]}}), ordered
 *       {@code +heartbeat_at}, paged by {@code first}/{@code after} until {@code hasNextPage} is false.
 *       A full sync has no filter.</li>
 *   <li>{@code refresh}: runs that were {@code running} at the end of the last walk and did not show
 *       up in phase one, fetched by name ({@code {"name":{"$in":[…]}}}). A run that crashes stops
 *       heartbeating, so only this catches its final state and summary.</li>
 * </ol>
 * The watermark moves to the newest heartbeat seen only when the walk ends.
 */
final class RunsStream implements SourceStream {

    static final String PREFIX = "runs:";
    static final String ORDER = "+heartbeat_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WandbClient client;
    private final String entity;
    private final String project;
    private final int pageSize;

    RunsStream(WandbClient client, String entity, String project, int pageSize) {
        this.client = client;
        this.entity = entity;
        this.project = project;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return PREFIX + project;
    }

    String container() {
        return entity + "/" + project;
    }

    @Override
    public Page read(String cursor) {
        try {
            RunsCursor c = RunsCursor.parse(cursor);
            return c.phase().equals(RunsCursor.REFRESH) ? refresh(c) : updated(c);
        } catch (ObjectUnavailableException e) {
            // one configured project gone or hidden: report it and let the other projects be read
            String before = cursor != null ? cursor : RunsCursor.parse(null).json();
            return new Page(List.of(), before, true, List.of(Unreadable.of("project " + container(), e)));
        } catch (ConnectorException e) {
            throw e.at(name(), cursor);
        }
    }

    private Page updated(RunsCursor c) {
        String filters = null;
        if (c.since() != null) {
            ObjectNode f = JSON.createObjectNode();
            ArrayNode or = f.putArray("$or");
            or.addObject().putObject("heartbeatAt").put("$gt", c.since());
            or.addObject().putObject("createdAt").put("$gt", c.since());
            filters = f.toString();
        }
        JsonNode runs = runs(filters, c.after(), pageSize);

        List<SourceRecord> records = new ArrayList<>();
        // At the start of a walk the cursor's running list is last walk's: those are to be refreshed,
        // and this walk's own running list starts empty. Mid-walk cursors carry both separately.
        boolean start = c.after() == null;
        Set<String> refresh = new LinkedHashSet<>(start ? c.running() : c.refresh());
        Set<String> running = new LinkedHashSet<>(start ? List.of() : c.running());
        String next = c.next();
        for (JsonNode edge : runs.path("edges")) {
            JsonNode node = edge.path("node");
            records.add(new SourceRecord(name(), container(), node));
            String runName = node.path("name").asText("");
            refresh.remove(runName);
            if ("running".equalsIgnoreCase(node.path("state").asText())) running.add(runName);
            else running.remove(runName);
            next = newer(next, node.path("heartbeatAt").asText(null));
        }
        String endCursor = runs.path("pageInfo").path("endCursor").asText(null);
        if (runs.path("pageInfo").path("hasNextPage").asBoolean(false) && endCursor != null) {
            return new Page(records, new RunsCursor(c.since(), next, endCursor, List.copyOf(refresh),
                    List.copyOf(running), RunsCursor.UPDATED).json(), false);
        }
        String watermark = next != null ? next : c.since();
        if (refresh.isEmpty()) return new Page(records, end(watermark, running), true);
        return new Page(records, new RunsCursor(c.since(), watermark, null, List.copyOf(refresh),
                List.copyOf(running), RunsCursor.REFRESH).json(), false);
    }

    private Page refresh(RunsCursor c) {
        List<String> batch = c.refresh().subList(0, Math.min(pageSize, c.refresh().size()));
        ObjectNode f = JSON.createObjectNode();
        ArrayNode in = f.putObject("name").putArray("$in");
        batch.forEach(in::add);
        JsonNode runs = runs(f.toString(), null, batch.size());

        List<SourceRecord> records = new ArrayList<>();
        Set<String> running = new LinkedHashSet<>(c.running());
        for (JsonNode edge : runs.path("edges")) {
            JsonNode node = edge.path("node");
            records.add(new SourceRecord(name(), container(), node));
            if ("running".equalsIgnoreCase(node.path("state").asText())) running.add(node.path("name").asText());
        }
        List<String> rest = c.refresh().subList(batch.size(), c.refresh().size());
        if (rest.isEmpty()) return new Page(records, end(c.next(), running), true);
        return new Page(records, new RunsCursor(c.since(), c.next(), null, rest, List.copyOf(running),
                RunsCursor.REFRESH).json(), false);
    }

    private static String end(String watermark, Set<String> running) {
        return new RunsCursor(watermark, null, null, null, List.copyOf(running), null).json();
    }

    private JsonNode runs(String filters, String after, int first) {
        ObjectNode variables = JSON.createObjectNode();
        variables.put("project", project);
        variables.put("entity", entity);
        variables.put("perPage", first);
        variables.put("order", ORDER);
        if (after != null) variables.put("cursor", after);
        if (filters != null) variables.put("filters", filters);
        JsonNode data = client.query(RunsQuery.TEXT, variables);
        JsonNode projectNode = data.path("project");
        if (!projectNode.isObject()) {
            String why = "not found or not visible to this API key (check entity and projects in connectors/wandb.yml)";
            throw new ObjectUnavailableException(WandbClient.SOURCE, 404, "project " + why, "project " + container() + " " + why);
        }
        return projectNode.path("runs");
    }

    /** The later of two W&B timestamps, keeping W&B's own text so the filter gets back what it gave. */
    private static String newer(String current, String candidate) {
        Instant c = WandbTime.parse(candidate);
        if (c == null) return current;
        Instant cur = WandbTime.parse(current);
        return cur == null || c.isAfter(cur) ? candidate : current;
    }
}
