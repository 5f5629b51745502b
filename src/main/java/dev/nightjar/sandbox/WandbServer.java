package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * W&B's GraphQL endpoint ({@code POST /graphql}, HTTP Basic {@code api:<key>}). W&B's schema is not
 * public (see shared/api/wandb/NOTES.md), so instead of executing against a schema this server answers
 * the operations the SDK and the connector send, by operation: the {@code Runs} listing
 * ({@code project(name, entityName) { internalId runCount readOnly runs(filters, after, first, order) }}
 * with MongoDB-style {@code filters} ({@code $and $or $nor $eq $ne $gt $gte $lt $lte $in $nin $exists}
 * on run fields), orders {@code ±created_at}/{@code ±heartbeat_at}, Relay paging) and {@code viewer}.
 * Every run field the SDK's {@code RunFragment} asks for is returned as W&B sends it (config and
 * summaryMetrics as JSON strings, timestamps without an offset). Anything else is a GraphQL error.
 */
final class WandbServer extends ApiServer {

    private static final Pattern RUNS = Pattern.compile("\\bruns\\s*\\(");
    private static final Pattern VIEWER = Pattern.compile("\\bviewer\\b");

    WandbServer(SampleCompany company) {
        super("wandb", company);
    }

    String baseUrl() {
        return origin();
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/graphql")) {
            send(exchange, 404, "{\"errors\":[{\"message\":\"Not Found\"}]}", Map.of());
            return;
        }
        String auth = bearer(exchange);
        if (auth == null || !auth.startsWith("Basic ") || !validBasic(auth.substring(6))) {
            send(exchange, 401, "{\"errors\":[{\"message\":\"user is not logged in\"}]}", Map.of());
            return;
        }
        JsonNode body = body(exchange);
        String query = body.path("query").asText("");
        JsonNode vars = body.path("variables");
        ObjectNode response = JSON.createObjectNode();
        synchronized (company) {
            if (RUNS.matcher(query).find()) {
                response.putObject("data").set("project", project(vars));
            } else if (VIEWER.matcher(query).find()) {
                ObjectNode viewer = response.putObject("data").putObject("viewer");
                viewer.put("id", "VXNlcjox").put("entity", SampleCompany.WANDB_ENTITY).put("username", "nightjar-sandbox")
                        .put("flags", "{}").putArray("teams");
            } else {
                response.putArray("errors").addObject().put("message", "sandbox: this operation is not served (only Runs and viewer)");
            }
        }
        sendJson(exchange, 200, response);
    }

    private static boolean validBasic(String encoded) {
        try {
            String s = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            return s.startsWith("api:") && s.length() > 4;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonNode project(JsonNode vars) {
        String entity = vars.path("entity").asText();
        String name = vars.path("project").asText();
        List<ObjectNode> runs = company.runsByProject.get(name);
        if (!entity.equals(SampleCompany.WANDB_ENTITY) || runs == null) return JSON.nullNode();
        JsonNode filters = JSON.createObjectNode();
        if (vars.path("filters").isTextual() && !vars.path("filters").asText().isBlank()) {
            try {
                filters = JSON.readTree(vars.path("filters").asText());
            } catch (IOException e) {
                throw new IllegalArgumentException("filters is not JSON", e);
            }
        }
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode run : runs) if (matches(run, filters)) selected.add(run);
        String order = vars.path("order").asText("+created_at");
        if (order.isBlank()) order = "+created_at";
        String field = order.substring(1).equals("heartbeat_at") ? "heartbeatAt" : "createdAt";
        Comparator<ObjectNode> c = Comparator.comparing((ObjectNode r) -> time(r.path(field).asText()))
                .thenComparing(r -> r.path("name").asText());
        selected.sort(order.startsWith("-") ? c.reversed() : c);

        int first = vars.path("perPage").isInt() ? vars.path("perPage").asInt() : 50;
        String after = vars.path("cursor").isTextual() ? vars.path("cursor").asText() : null;
        int from = 0;
        if (after != null) {
            for (int i = 0; i < selected.size(); i++) {
                if (cursor(selected.get(i)).equals(after)) {
                    from = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(selected.size(), from + Math.max(0, first));
        ObjectNode project = JSON.createObjectNode();
        project.put("internalId", "UHJvamVjdDp2MTpzZWFyY2gtcmFua2Vy").put("runCount", selected.size()).put("readOnly", false);
        ObjectNode conn = project.putObject("runs");
        ArrayNode edges = conn.putArray("edges");
        for (int i = from; i < end; i++) {
            ObjectNode edge = edges.addObject();
            edge.set("node", selected.get(i));
            edge.put("cursor", cursor(selected.get(i)));
        }
        ObjectNode pageInfo = conn.putObject("pageInfo");
        if (end > from) pageInfo.put("endCursor", cursor(selected.get(end - 1)));
        else pageInfo.putNull("endCursor");
        pageInfo.put("hasNextPage", end < selected.size());
        return project;
    }

    private static String cursor(ObjectNode run) {
        return Base64.getEncoder().encodeToString(("cursor:" + run.path("name").asText()).getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- MongoDB-style filters

    static boolean matches(JsonNode run, JsonNode filter) {
        if (filter == null || !filter.isObject()) return true;
        var fields = filter.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            JsonNode cond = e.getValue();
            switch (key) {
                case "$and" -> {
                    for (JsonNode f : cond) if (!matches(run, f)) return false;
                }
                case "$or" -> {
                    boolean any = false;
                    for (JsonNode f : cond) any |= matches(run, f);
                    if (!any) return false;
                }
                case "$nor" -> {
                    for (JsonNode f : cond) if (matches(run, f)) return false;
                }
                default -> {
                    if (!fieldMatches(value(run, key), cond)) return false;
                }
            }
        }
        return true;
    }

    /** A run field by filter name: top-level fields, {@code username}, {@code config.x}, {@code summary_metrics.x}. */
    private static JsonNode value(JsonNode run, String key) {
        if (key.equals("username")) return run.path("user").path("username");
        if (key.startsWith("config.") || key.startsWith("summary_metrics.")) {
            boolean config = key.startsWith("config.");
            String rest = key.substring(key.indexOf('.') + 1).replaceFirst("\\.value$", "");
            try {
                JsonNode blob = JSON.readTree(run.path(config ? "config" : "summaryMetrics").asText("{}"));
                JsonNode v = blob.path(rest);
                return config && v.has("value") ? v.path("value") : v;
            } catch (IOException ex) {
                return JSON.missingNode();
            }
        }
        return run.path(key);
    }

    private static boolean fieldMatches(JsonNode value, JsonNode cond) {
        if (!cond.isObject() || cond.isEmpty() || !cond.fieldNames().next().startsWith("$")) return compare(value, cond) == 0;
        var ops = cond.fields();
        while (ops.hasNext()) {
            var op = ops.next();
            JsonNode arg = op.getValue();
            boolean ok = switch (op.getKey()) {
                case "$eq" -> compare(value, arg) == 0;
                case "$ne" -> compare(value, arg) != 0;
                case "$gt" -> present(value) && compare(value, arg) > 0;
                case "$gte" -> present(value) && compare(value, arg) >= 0;
                case "$lt" -> present(value) && compare(value, arg) < 0;
                case "$lte" -> present(value) && compare(value, arg) <= 0;
                case "$in" -> {
                    boolean any = false;
                    for (JsonNode a : arg) any |= compare(value, a) == 0;
                    if (value.isArray()) for (JsonNode v : value) for (JsonNode a : arg) any |= compare(v, a) == 0;
                    yield any;
                }
                case "$nin" -> {
                    boolean any = false;
                    for (JsonNode a : arg) any |= compare(value, a) == 0;
                    yield !any;
                }
                case "$exists" -> present(value) == arg.asBoolean();
                case "$regex" -> present(value) && Pattern.compile(arg.asText()).matcher(value.asText()).find();
                default -> throw new IllegalArgumentException("unsupported filter operator " + op.getKey());
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isMissingNode() && !v.isNull();
    }

    private static int compare(JsonNode value, JsonNode arg) {
        if (!present(value)) return present(arg) ? -1 : 0;
        if (value.isNumber() && arg.isNumber()) return Double.compare(value.asDouble(), arg.asDouble());
        Instant a = time(value.asText()), b = time(arg.asText());
        if (a != null && b != null) return a.compareTo(b);
        return value.asText().compareTo(arg.asText());
    }

    static Instant time(String s) {
        if (s == null || s.length() < 16) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
