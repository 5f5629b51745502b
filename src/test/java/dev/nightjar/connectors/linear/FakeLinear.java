package dev.nightjar.connectors.linear;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A Linear GraphQL endpoint for MockWebServer, built on the schema: every request's query and
 * variables are validated against schema.graphql (an invalid one gets Linear's 400 error body), then
 * answered from in-memory connections ordered newest first, honouring {@code first}, {@code after}
 * and {@code filter.updatedAt.gt}. Scripted responses (throttles, 5xx) are served first, in order.
 */
final class FakeLinear extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROOT = Pattern.compile("\\{\\s*(\\w+)\\(first: (\\d+)");

    /** Connection name → nodes (any order; served newest first). */
    final Map<String, List<ObjectNode>> data = new LinkedHashMap<>();
    final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final Deque<MockResponse> scripted = new ArrayDeque<>();
    private MockResponse always;

    static ObjectNode template(String name) {
        try (InputStream in = FakeLinear.class.getResourceAsStream("/linear/" + name)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = FakeLinear.class.getResourceAsStream("/linear/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workspace big enough for three pages of every stream at the real page sizes: n items per
     * connection (120 teams at 50 a page), updated one minute apart from {@code base}.
     */
    static FakeLinear workspace(int n, Instant base) {
        FakeLinear fake = new FakeLinear();
        fake.fill("users", "user.node.json", n, base, (node, i) -> node.put("id", uuid(1, i)).put("email", "user" + i + "@example.com"));
        fake.fill("teams", "team.node.json", 120, base, (node, i) -> node.put("id", uuid(2, i)).put("key", "T" + i));
        fake.fill("initiatives", "initiative.node.json", n, base, (node, i) -> node.put("id", uuid(3, i)));
        fake.fill("projects", "project.node.json", n, base, (node, i) -> node.put("id", uuid(4, i)));
        fake.fill("initiativeUpdates", "initiative-update.node.json", n, base, (node, i) -> node.put("id", uuid(5, i)));
        fake.fill("projectUpdates", "project-update.node.json", n, base, (node, i) -> node.put("id", uuid(6, i)));
        fake.fill("issues", "issue.node.json", n, base, (node, i) -> node.put("id", uuid(7, i)).put("identifier", "ASR-" + (i + 1)));
        fake.fill("issueRelations", "issue-relation.node.json", n, base, (node, i) -> {
            node.put("id", uuid(8, i));
            ((ObjectNode) node.get("issue")).put("identifier", "ASR-" + (i + 1));
            ((ObjectNode) node.get("relatedIssue")).put("identifier", "ASR-" + (i + 2));
        });
        fake.fill("comments", "comment.node.json", n, base, (node, i) -> node.put("id", uuid(9, i)));
        return fake;
    }

    interface Customizer {
        void apply(ObjectNode node, int i);
    }

    void fill(String connection, String template, int count, Instant base, Customizer customizer) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode node = template(template);
            node.put("updatedAt", base.plusSeconds(60L * i).toString());
            customizer.apply(node, i);
            nodes.add(node);
        }
        data.put(connection, nodes);
    }

    static String uuid(int kind, int i) {
        return String.format("%08x-0000-4000-8000-%012x", kind, i);
    }

    /** Adds or replaces (by id) a node of {@code connection}. */
    void upsert(String connection, ObjectNode node) {
        List<ObjectNode> nodes = data.get(connection);
        nodes.removeIf(n -> n.path("id").asText().equals(node.path("id").asText()));
        nodes.add(node);
    }

    void script(MockResponse response) {
        scripted.add(response);
    }

    /** Every request answered with {@code response} from now on (a persistent failure). */
    void failAlways(MockResponse response) {
        always = response;
    }

    int total(String connection) {
        return data.get(connection).size();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().readUtf8());
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400).setBody("{\"errors\":[{\"message\":\"bad JSON\"}]}");
        }
        bodies.add(body);
        if (always != null) return always;
        if (!scripted.isEmpty()) return scripted.poll();
        String query = body.path("query").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = body.has("variables") ? JSON.convertValue(body.get("variables"), Map.class) : Map.of();
        List<String> errors = LinearSchema.errors(query, variables);
        if (!errors.isEmpty()) return graphQlError(400, String.join("; ", errors), "GRAPHQL_VALIDATION_FAILED");
        Matcher m = ROOT.matcher(query);
        if (!m.find()) return graphQlError(400, "no root connection", "GRAPHQL_VALIDATION_FAILED");
        return page(m.group(1), Integer.parseInt(m.group(2)), body.path("variables"));
    }

    private MockResponse page(String connection, int first, JsonNode variables) {
        String gt = variables.path("filter").path("updatedAt").path("gt").asText(null);
        List<ObjectNode> matching = data.getOrDefault(connection, List.of()).stream()
                .filter(n -> gt == null || Instant.parse(n.path("updatedAt").asText()).isAfter(Instant.parse(gt)))
                .sorted(Comparator.comparing((ObjectNode n) -> Instant.parse(n.path("updatedAt").asText())).reversed())
                .toList();
        String after = variables.path("after").asText(null);
        int offset = after == null ? 0 : Integer.parseInt(new String(java.util.Base64.getDecoder().decode(after)));
        int end = Math.min(matching.size(), offset + first);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode conn = root.putObject("data").putObject(connection);
        ArrayNode nodes = conn.putArray("nodes");
        matching.subList(offset, end).forEach(nodes::add);
        ObjectNode pageInfo = conn.putObject("pageInfo");
        pageInfo.put("hasNextPage", end < matching.size());
        if (end > offset) pageInfo.put("endCursor", java.util.Base64.getEncoder().encodeToString(Integer.toString(end).getBytes()));
        else pageInfo.putNull("endCursor");
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(root.toString());
    }

    static MockResponse graphQlError(int status, String message, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putArray("errors").addObject();
        error.put("message", message);
        error.putObject("extensions").put("code", code);
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(root.toString());
    }
}
