package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notion REST under {@code /v1}: {@code POST /v1/search} (filter by object {@code page} /
 * {@code data_source} (2025-09-03) / {@code database} (2022-06-28), sort by {@code last_edited_time}),
 * {@code POST /v1/data_sources/{id}/query} and {@code /v1/databases/{id}/query} (timestamp filter
 * {@code last_edited_time} {@code on_or_after}/{@code after}/{@code before}/{@code on_or_before}, sorts),
 * {@code GET /v1/blocks/{id}/children} and {@code GET /v1/users}; {@code start_cursor}/{@code page_size}
 * paging with {@code next_cursor}/{@code has_more}. Errors are Notion's {@code {"object":"error",...}}:
 * 401 {@code unauthorized}, 404 {@code object_not_found}, 400 {@code missing_version}, and
 * 400 {@code invalid_request_url} for unknown routes (what Notion answers there).
 */
final class NotionServer extends ApiServer {

    private static final Pattern QUERY = Pattern.compile("^/v1/(data_sources|databases)/([^/]+)/query$");
    private static final Pattern CHILDREN = Pattern.compile("^/v1/blocks/([^/]+)/children$");

    NotionServer(SampleCompany company) {
        super("notion", company);
    }

    String baseUrl() {
        return origin();
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        String auth = bearer(exchange);
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
            error(exchange, 401, "unauthorized", "API token is invalid.");
            return;
        }
        if (exchange.getRequestHeaders().getFirst("Notion-Version") == null) {
            error(exchange, 400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
            return;
        }
        Matcher query = QUERY.matcher(path);
        Matcher children = CHILDREN.matcher(path);
        ObjectNode result;
        synchronized (company) {
            if (method.equals("POST") && path.equals("/v1/search")) {
                result = search(body(exchange));
            } else if (method.equals("POST") && query.matches()) {
                result = queryRows(query.group(1), query.group(2), body(exchange));
                if (result == null) {
                    error(exchange, 404, "object_not_found", "Could not find " + (query.group(1).equals("databases") ? "database" : "data source")
                            + " with ID: " + query.group(2) + ". Make sure the relevant pages and databases are shared with your integration.");
                    return;
                }
            } else if (method.equals("GET") && children.matches()) {
                List<ObjectNode> blocks = company.blockChildren.get(children.group(1));
                if (blocks == null) {
                    error(exchange, 404, "object_not_found", "Could not find block with ID: " + children.group(1)
                            + ". Make sure the relevant pages and databases are shared with your integration.");
                    return;
                }
                result = list(blocks, query(exchange).get("start_cursor"), intParam(query(exchange), "page_size", 100, 1, 100), "block");
            } else if (method.equals("GET") && path.equals("/v1/users")) {
                result = list(company.notionUsers, query(exchange).get("start_cursor"), intParam(query(exchange), "page_size", 100, 1, 100), "user");
            } else {
                result = null;
            }
        }
        if (result == null) {
            error(exchange, 400, "invalid_request_url", "Invalid request URL.");
            return;
        }
        sendJson(exchange, 200, result);
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("object", "error").put("status", status).put("code", code).put("message", message)
                .put("request_id", UUID.randomUUID().toString());
        sendJson(exchange, status, e);
    }

    private ObjectNode search(JsonNode body) {
        String value = body.path("filter").path("value").asText("");
        List<ObjectNode> results = new ArrayList<>();
        if (value.isEmpty() || value.equals("page")) results.addAll(company.notionPages);
        if (value.isEmpty() || value.equals("data_source")) results.addAll(company.dataSources);
        if (value.equals("database")) {
            for (ObjectNode ds : company.dataSources) {
                ObjectNode db = ds.deepCopy();
                db.put("object", "database").put("id", ds.path("_database_id").asText());
                db.set("parent", ds.path("database_parent"));
                db.remove(List.of("database_parent", "_database_id"));
                results.add(db);
            }
        }
        String query = body.path("query").asText("").toLowerCase(java.util.Locale.ROOT);
        if (!query.isEmpty()) results.removeIf(r -> !titleOf(r).toLowerCase(java.util.Locale.ROOT).contains(query));
        sortByTimestamp(results, body.path("sort").path("direction").asText("descending"));
        ObjectNode out = list(results.stream().map(NotionServer::visible).toList(), text(body.path("start_cursor")),
                Math.clamp(body.path("page_size").asInt(100), 1, 100), "page_or_data_source");
        return out;
    }

    private ObjectNode queryRows(String collection, String id, JsonNode body) {
        ObjectNode ds = company.dataSources.stream()
                .filter(d -> (collection.equals("databases") ? d.path("_database_id") : d.path("id")).asText().equals(id))
                .findFirst().orElse(null);
        if (ds == null) return null;
        String dsId = ds.path("id").asText();
        List<ObjectNode> rows = new ArrayList<>();
        JsonNode filter = body.path("filter");
        for (ObjectNode p : company.notionPages) {
            if (!dsId.equals(p.path("parent").path("data_source_id").asText())) continue;
            if (timestampFilter(p, filter)) rows.add(p);
        }
        JsonNode sort = body.path("sorts").path(0);
        sortByTimestamp(rows, sort.isMissingNode() ? "descending" : sort.path("direction").asText("descending"));
        List<ObjectNode> shaped = rows.stream().map(r -> collection.equals("databases") ? legacyRow(r) : r).toList();
        return list(shaped, text(body.path("start_cursor")), Math.clamp(body.path("page_size").asInt(100), 1, 100),
                "page_or_data_source");
    }

    /** A row as 2022-06-28 shows it: parent {@code database_id}. */
    private static ObjectNode legacyRow(ObjectNode row) {
        ObjectNode copy = row.deepCopy();
        copy.putObject("parent").put("type", "database_id").put("database_id", row.path("parent").path("database_id").asText());
        return copy;
    }

    private static ObjectNode visible(ObjectNode o) {
        if (!o.has("_database_id")) return o;
        ObjectNode copy = o.deepCopy();
        copy.remove("_database_id");
        return copy;
    }

    private static boolean timestampFilter(ObjectNode page, JsonNode filter) {
        if (!filter.isObject() || !filter.has("timestamp")) return true;
        String field = filter.path("timestamp").asText();
        Instant at = instant(page.path(field).asText());
        JsonNode cond = filter.path(field);
        Instant on = instant(cond.path("on_or_after").asText(null));
        if (on != null && at.isBefore(on)) return false;
        Instant after = instant(cond.path("after").asText(null));
        if (after != null && !at.isAfter(after)) return false;
        Instant before = instant(cond.path("before").asText(null));
        if (before != null && !at.isBefore(before)) return false;
        Instant onBefore = instant(cond.path("on_or_before").asText(null));
        return onBefore == null || !at.isAfter(onBefore);
    }

    private static void sortByTimestamp(List<ObjectNode> items, String direction) {
        Comparator<ObjectNode> c = Comparator.comparing((ObjectNode o) -> instant(o.path("last_edited_time").asText()))
                .thenComparing(o -> o.path("id").asText());
        items.sort(direction.equals("ascending") ? c : c.reversed());
    }

    /** Notion's list envelope; the cursor is the id of the next item, as Notion's cursors are ids. */
    private static ObjectNode list(List<? extends JsonNode> items, String startCursor, int pageSize, String type) {
        int from = 0;
        if (startCursor != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").asText().equals(startCursor)) {
                    from = i;
                    break;
                }
            }
        }
        int end = Math.min(items.size(), from + pageSize);
        ObjectNode out = JSON.createObjectNode();
        out.put("object", "list");
        ArrayNode results = out.putArray("results");
        for (int i = from; i < end; i++) results.add(items.get(i));
        if (end < items.size()) out.put("next_cursor", items.get(end).path("id").asText());
        else out.putNull("next_cursor");
        out.put("has_more", end < items.size()).put("type", type);
        out.putObject(type);
        out.put("request_id", UUID.randomUUID().toString());
        return out;
    }

    private static String titleOf(JsonNode o) {
        StringBuilder sb = new StringBuilder();
        JsonNode title = o.path("title");
        if (!title.isArray()) {
            for (JsonNode p : o.path("properties")) if (p.path("type").asText().equals("title")) title = p.path("title");
        }
        for (JsonNode t : title) sb.append(t.path("plain_text").asText(""));
        return sb.toString();
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s + "T00:00:00Z").toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
