package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Slack Web API under {@code /api/}: {@code auth.test}, {@code users.list}, {@code conversations.list},
 * {@code conversations.history} ({@code oldest}/{@code latest}/{@code inclusive}, newest first),
 * {@code conversations.replies} (root first, then replies oldest first), {@code conversations.members};
 * cursor paging with {@code limit} and {@code response_metadata.next_cursor}. Errors are Slack's
 * {@code {"ok":false,"error":...}}: {@code not_authed}, {@code channel_not_found},
 * {@code thread_not_found}, and {@code unknown_method} (HTTP 404) for any other method.
 */
final class SlackServer extends ApiServer {

    static final String PREFIX = "/api/";

    SlackServer(SampleCompany company) {
        super("slack", company);
    }

    String apiUrl() {
        return origin() + "/api";
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(PREFIX)) {
            send(exchange, 404, "{\"ok\":false,\"error\":\"unknown_method\"}", Map.of());
            return;
        }
        String method = path.substring(PREFIX.length());
        Map<String, String> q = query(exchange);
        String auth = bearer(exchange);
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= 7) {
            sendJson(exchange, 200, error("not_authed"));
            return;
        }
        ObjectNode body;
        synchronized (company) {
            body = switch (method) {
                case "auth.test" -> authTest();
                case "users.list" -> page(q, company.slackUsers, "members");
                case "conversations.list" -> conversations(q);
                case "conversations.history" -> history(q);
                case "conversations.replies" -> replies(q);
                case "conversations.members" -> members(q);
                default -> null;
            };
        }
        if (body == null) {
            ObjectNode unknown = error("unknown_method");
            unknown.put("req_method", method);
            sendJson(exchange, 404, unknown);
            return;
        }
        sendJson(exchange, 200, body);
    }

    private static ObjectNode error(String error) {
        ObjectNode e = JSON.createObjectNode();
        e.put("ok", false).put("error", error);
        return e;
    }

    private ObjectNode authTest() {
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", true).put("url", SampleCompany.SLACK_WORKSPACE_URL).put("team", SampleCompany.COMPANY)
                .put("user", "nightjar").put("team_id", SampleCompany.SLACK_TEAM_ID).put("user_id", "U0KNIGHTJAR")
                .put("bot_id", "B0KNIGHTJAR").put("is_enterprise_install", false);
        return o;
    }

    /** One cursor page of {@code items} under {@code field}; the cursor is Slack-like base64 of the offset. */
    private static ObjectNode page(Map<String, String> q, List<? extends com.fasterxml.jackson.databind.JsonNode> items, String field) {
        int limit = intParam(q, "limit", 100, 1, 1000);
        int offset = offset(q.get("cursor"));
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", true);
        ArrayNode arr = o.putArray(field);
        int end = Math.min(items.size(), offset + limit);
        for (int i = Math.min(offset, items.size()); i < end; i++) arr.add(items.get(i));
        o.putObject("response_metadata").put("next_cursor", end < items.size() ? cursor(end, field) : "");
        return o;
    }

    private static String cursor(int offset, String field) {
        return Base64.getEncoder().encodeToString((field + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
            return Integer.parseInt(s.substring(s.indexOf(':') + 1));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private ObjectNode conversations(Map<String, String> q) {
        String types = q.getOrDefault("types", "public_channel");
        List<ObjectNode> visible = new ArrayList<>();
        for (SampleCompany.Channel c : company.channels) {
            boolean priv = c.info.path("is_private").asBoolean();
            if (types.contains(priv ? "private_channel" : "public_channel")) visible.add(c.info);
        }
        return page(q, visible, "channels");
    }

    private SampleCompany.Channel channel(Map<String, String> q) {
        String id = q.get("channel");
        return company.channels.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    private ObjectNode history(Map<String, String> q) {
        SampleCompany.Channel c = channel(q);
        if (c == null) return error("channel_not_found");
        BigDecimal oldest = ts(q.get("oldest"), BigDecimal.ZERO);
        BigDecimal latest = ts(q.get("latest"), null);
        boolean inclusive = "true".equals(q.get("inclusive")) || "1".equals(q.get("inclusive"));
        List<ObjectNode> messages = new ArrayList<>();
        for (ObjectNode m : c.messages) {
            BigDecimal ts = new BigDecimal(m.path("ts").asText());
            int lo = ts.compareTo(oldest);
            if (lo < 0 || (lo == 0 && !inclusive)) continue;
            if (latest != null) {
                int hi = ts.compareTo(latest);
                if (hi > 0 || (hi == 0 && !inclusive)) continue;
            }
            messages.add(m);
        }
        messages.sort(Comparator.comparing((ObjectNode m) -> new BigDecimal(m.path("ts").asText())).reversed());
        ObjectNode o = page(q, messages, "messages");
        o.put("has_more", !o.path("response_metadata").path("next_cursor").asText().isEmpty());
        o.put("pin_count", 0).put("channel_actions_ts", (String) null).put("channel_actions_count", 0);
        return o;
    }

    private ObjectNode replies(Map<String, String> q) {
        SampleCompany.Channel c = channel(q);
        if (c == null) return error("channel_not_found");
        String ts = q.get("ts");
        ObjectNode root = c.messages.stream().filter(m -> m.path("ts").asText().equals(ts)).findFirst().orElse(null);
        if (root == null) {
            // a reply's ts returns that reply's thread, as Slack does
            for (Map.Entry<String, List<ObjectNode>> e : c.replies.entrySet()) {
                if (e.getValue().stream().anyMatch(r -> r.path("ts").asText().equals(ts))) {
                    String rootTs = e.getKey();
                    root = c.messages.stream().filter(m -> m.path("ts").asText().equals(rootTs)).findFirst().orElse(null);
                }
            }
        }
        if (root == null) return error("thread_not_found");
        List<ObjectNode> thread = new ArrayList<>();
        thread.add(root);
        thread.addAll(c.replies.getOrDefault(root.path("ts").asText(), List.of()));
        ObjectNode o = page(q, thread, "messages");
        o.put("has_more", !o.path("response_metadata").path("next_cursor").asText().isEmpty());
        return o;
    }

    private ObjectNode members(Map<String, String> q) {
        SampleCompany.Channel c = channel(q);
        if (c == null) return error("channel_not_found");
        List<com.fasterxml.jackson.databind.JsonNode> ids = c.members.stream()
                .<com.fasterxml.jackson.databind.JsonNode>map(JSON.getNodeFactory()::textNode).toList();
        return page(q, ids, "members");
    }

    private static BigDecimal ts(String value, BigDecimal fallback) {
        if (value == null || value.isBlank()) return fallback;
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
