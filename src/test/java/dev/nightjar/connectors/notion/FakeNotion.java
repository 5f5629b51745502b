package dev.nightjar.connectors.notion;

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
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A small in-memory Notion behind MockWebServer, answering with the recorded response shapes:
 * search, block children, data-source (or database) queries and users, each paginated by
 * {@code start_cursor}/{@code next_cursor} with at most 100 results a page, like the real API.
 * Failures can be queued per path prefix; every request is kept for assertions.
 */
final class FakeNotion extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();

    final List<ObjectNode> pages = new ArrayList<>();
    final Map<String, ObjectNode> containers = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> rows = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> children = new LinkedHashMap<>();
    final List<ObjectNode> users = new ArrayList<>();
    /** The whole value of a list property, by {@code pageId/propertyId}, served as property_items. */
    final Map<String, List<ObjectNode>> propertyItems = new LinkedHashMap<>();
    final Map<String, Deque<MockResponse>> failures = new LinkedHashMap<>();
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    boolean legacyOnly;

    record Recorded(String method, HttpUrl url, String path, String version, String authorization, JsonNode body) {
    }

    static JsonNode resource(String name) {
        try (InputStream in = FakeNotion.class.getResourceAsStream("/notion/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fail(String pathPrefix, MockResponse... responses) {
        failures.computeIfAbsent(pathPrefix, k -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    List<Recorded> requests(String method, String pathPrefix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        JsonNode body;
        try {
            String text = request.getBody().readUtf8();
            body = text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400);
        }
        String version = request.getHeader("Notion-Version");
        requests.add(new Recorded(request.getMethod(), url, path, version, request.getHeader("Authorization"), body));
        for (var e : failures.entrySet()) {
            if (path.startsWith(e.getKey()) && !e.getValue().isEmpty()) return e.getValue().poll();
        }
        if (legacyOnly && !"2022-06-28".equals(version)) {
            return json(400, error(400, "validation_error",
                    "Invalid request: Notion-Version header " + version + " is not supported."));
        }
        if (path.equals("/v1/search") && request.getMethod().equals("POST")) return search(body);
        if (path.equals("/v1/users")) return list(users, url.queryParameter("start_cursor"), pageSize(url.queryParameter("page_size")), "user");
        if (path.startsWith("/v1/blocks/") && path.endsWith("/children")) {
            String id = path.substring("/v1/blocks/".length(), path.length() - "/children".length());
            List<ObjectNode> kids = children.get(id);
            if (kids == null) return json(404, error(404, "object_not_found", "Could not find block with ID: " + id + "."));
            return list(kids, url.queryParameter("start_cursor"), pageSize(url.queryParameter("page_size")), "block");
        }
        if (path.startsWith("/v1/pages/") && path.contains("/properties/")) {
            String key = path.substring("/v1/pages/".length()).replace("/properties/", "/");
            List<ObjectNode> items = propertyItems.get(key);
            if (items == null) return json(404, error(404, "object_not_found", "Could not find property with ID: " + key + "."));
            return propertyItemList(items, url.queryParameter("start_cursor"), pageSize(url.queryParameter("page_size")));
        }
        if ((path.startsWith("/v1/data_sources/") || path.startsWith("/v1/databases/")) && path.endsWith("/query")) {
            String[] parts = path.split("/");
            if (legacyOnly == path.startsWith("/v1/data_sources/")) {
                return json(400, error(400, "invalid_request_url", "Invalid request URL."));
            }
            List<ObjectNode> all = rows.getOrDefault(parts[3], List.of());
            String after = body.path("filter").path("last_edited_time").path("on_or_after").asText(null);
            List<ObjectNode> matching = sortedDesc(all.stream()
                    .filter(r -> after == null || !edited(r).isBefore(Instant.parse(after))).toList());
            return list(matching, body.path("start_cursor").asText(null), pageSize(body.path("page_size").asText(null)), "page_or_data_source");
        }
        return json(400, error(400, "invalid_request_url", "Invalid request URL."));
    }

    private MockResponse search(JsonNode body) {
        String value = body.path("filter").path("value").asText("");
        List<ObjectNode> results;
        if (value.equals("page")) {
            results = pages;
        } else if (value.equals("data_source") || value.equals("database")) {
            results = containers.values().stream().filter(c -> c.path("object").asText().equals(value)).toList();
        } else {
            results = new ArrayList<>(pages);
        }
        if (body.path("sort").path("direction").asText("").equals("descending")) results = sortedDesc(results);
        return list(results, body.path("start_cursor").asText(null), pageSize(body.path("page_size").asText(null)),
                "page_or_data_source");
    }

    private static List<ObjectNode> sortedDesc(List<ObjectNode> items) {
        return items.stream().sorted(Comparator.comparing(FakeNotion::edited).reversed()).toList();
    }

    static Instant edited(JsonNode page) {
        return NotionJson.instant(page.path("last_edited_time").asText());
    }

    private static int pageSize(String value) {
        int size = value == null ? 100 : Integer.parseInt(value);
        return Math.min(size, 100);
    }

    /** Notion's own cursors are the id of the first item of the next page. */
    private static MockResponse list(List<ObjectNode> items, String startCursor, int size, String type) {
        int from = 0;
        if (startCursor != null) {
            from = -1;
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).path("id").asText().equals(startCursor)) from = i;
            }
            if (from < 0) return json(400, error(400, "validation_error", "start_cursor is invalid"));
        }
        int to = Math.min(items.size(), from + size);
        ObjectNode response = JSON.createObjectNode().put("object", "list");
        ArrayNode results = response.putArray("results");
        items.subList(from, to).forEach(results::add);
        boolean more = to < items.size();
        if (more) response.put("next_cursor", items.get(to).path("id").asText());
        else response.putNull("next_cursor");
        response.put("has_more", more).put("type", type);
        response.putObject(type);
        response.put("request_id", "00000000-0000-4000-8000-000000000000");
        return json(200, response);
    }

    /**
     * Retrieve-a-page-property-item's list shape: {@code results} of {@code property_item}s, an opaque
     * {@code next_cursor}, and {@code property_item} describing the property.
     */
    private static MockResponse propertyItemList(List<ObjectNode> items, String startCursor, int size) {
        int from = startCursor == null ? 0 : Integer.parseInt(startCursor.substring("pi-".length()));
        int to = Math.min(items.size(), from + size);
        ObjectNode response = JSON.createObjectNode().put("object", "list");
        ArrayNode results = response.putArray("results");
        items.subList(from, to).forEach(results::add);
        boolean more = to < items.size();
        if (more) response.put("next_cursor", "pi-" + to);
        else response.putNull("next_cursor");
        response.put("has_more", more).put("type", "property_item");
        String type = items.isEmpty() ? "relation" : items.getFirst().path("type").asText();
        response.putObject("property_item").put("id", items.isEmpty() ? "" : items.getFirst().path("id").asText())
                .put("next_url", (String) null).put("type", type).putObject(type);
        return json(200, response);
    }

    static ObjectNode error(int status, String code, String message) {
        return JSON.createObjectNode().put("object", "error").put("status", status).put("code", code)
                .put("message", message).put("request_id", "d7a11923-e694-4dea-9924-468fe422c571");
    }

    static MockResponse json(int status, JsonNode body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8").setHeader("Connection", "close")
                .setBody(body.toString());
    }
}
