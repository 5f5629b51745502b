package dev.nightjar.connectors.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * An in-memory W&B GraphQL endpoint answering the SDK's Runs query: Relay paging by
 * {@code first}/{@code after}, {@code order} {@code +heartbeat_at}, and the MongoDB-style filters the
 * connector sends ({@code $or} of {@code $gt} on heartbeatAt/createdAt, {@code name $in}).
 */
public final class FakeWandb extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();

    public final Map<String, List<ObjectNode>> runs = new LinkedHashMap<>();
    public final Deque<MockResponse> failures = new ArrayDeque<>();
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();

    public record Recorded(String path, String authorization, String query, JsonNode variables) {
        JsonNode filters() {
            try {
                return variables.hasNonNull("filters") ? JSON.readTree(variables.path("filters").asText()) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = FakeWandb.class.getResourceAsStream("/wandb/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        try (InputStream in = FakeWandb.class.getResourceAsStream("/wandb/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A run made from {@code run_node.json} with a new name, state and times. */
    public static ObjectNode run(String name, String state, Instant created, Instant heartbeat, double loss) {
        ObjectNode run = resource("run_node.json").deepCopy();
        run.remove("_note");
        run.put("name", name);
        run.put("id", java.util.Base64.getEncoder().encodeToString(("Run:" + name).getBytes()));
        run.put("displayName", "run " + name);
        run.put("state", state);
        run.put("createdAt", created.toString().replace("Z", ""));
        run.put("heartbeatAt", heartbeat.toString().replace("Z", ""));
        run.put("summaryMetrics", "{\"loss\": " + loss + ", \"_step\": 10}");
        return run;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400);
        }
        Recorded recorded = new Recorded(request.getPath(), request.getHeader("Authorization"),
                body.path("query").asText(), body.path("variables"));
        requests.add(recorded);
        if (!failures.isEmpty()) return failures.poll();
        if (!request.getPath().equals("/graphql")) return new MockResponse().setResponseCode(404);

        JsonNode v = body.path("variables");
        List<ObjectNode> all = runs.get(v.path("entity").asText() + "/" + v.path("project").asText());
        ObjectNode response = JSON.createObjectNode();
        ObjectNode data = response.putObject("data");
        if (all == null) {
            data.putNull("project");
            return json(response);
        }
        JsonNode filters = recorded.filters();
        List<ObjectNode> matching = all.stream().filter(matches(filters)).collect(Collectors.toCollection(ArrayList::new));
        if (v.path("order").asText().equals("+heartbeat_at")) {
            matching.sort(Comparator.comparing(r -> WandbTime.parse(r.path("heartbeatAt").asText())));
        }
        int first = v.path("perPage").asInt(50);
        int from = v.hasNonNull("cursor") ? Integer.parseInt(v.path("cursor").asText().substring("cursor:".length())) + 1 : 0;
        int to = Math.min(matching.size(), from + first);

        ObjectNode project = data.putObject("project");
        project.put("internalId", "UHJvamVjdDo3").put("runCount", matching.size()).put("readOnly", false);
        ObjectNode runsNode = project.putObject("runs");
        ArrayNode edges = runsNode.putArray("edges");
        for (int i = from; i < to; i++) {
            edges.addObject().<ObjectNode>set("node", matching.get(i)).put("cursor", "cursor:" + i);
        }
        ObjectNode pageInfo = runsNode.putObject("pageInfo");
        if (to > from) pageInfo.put("endCursor", "cursor:" + (to - 1));
        else pageInfo.putNull("endCursor");
        pageInfo.put("hasNextPage", to < matching.size());
        return json(response);
    }

    private static Predicate<ObjectNode> matches(JsonNode filter) {
        if (filter == null) return r -> true;
        if (filter.has("$or")) {
            List<Predicate<ObjectNode>> any = new ArrayList<>();
            filter.path("$or").forEach(f -> any.add(matches(f)));
            return r -> any.stream().anyMatch(p -> p.test(r));
        }
        var field = filter.fields().next();
        JsonNode cond = field.getValue();
        if (cond.has("$gt")) {
            Instant gt = WandbTime.parse(cond.path("$gt").asText());
            return r -> WandbTime.parse(r.path(field.getKey()).asText()).isAfter(gt);
        }
        if (cond.has("$in")) {
            Set<String> in = new java.util.HashSet<>();
            cond.path("$in").forEach(n -> in.add(n.asText()));
            return r -> in.contains(r.path(field.getKey()).asText());
        }
        throw new IllegalArgumentException("filter not supported by the fake: " + filter);
    }

    static MockResponse json(JsonNode body) {
        return json(200, body);
    }

    static MockResponse json(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("Connection", "close").setBody(body.toString());
    }
}
