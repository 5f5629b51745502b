package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A small Slack workspace behind MockWebServer that answers the Web API methods the connector uses
 * the way Slack does: {@code ok} envelopes, {@code response_metadata.next_cursor} pagination that
 * honours {@code limit}, history newest first with exclusive {@code oldest}, thread roots carrying
 * {@code reply_count}/{@code latest_reply}, replies oldest first, bearer-token auth. Messages, users
 * and channels have the shapes of the spec examples in {@code src/test/resources/slack/}. Faults
 * (429, 5xx, {@code ratelimited} bodies, Web API errors) can be queued per method.
 */
final class FakeSlack extends Dispatcher {

    static final String TOKEN = "xoxb-test-secret-token";
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, ObjectNode> channels = new LinkedHashMap<>();
    final Map<String, List<String>> members = new LinkedHashMap<>();
    final List<JsonNode> users = new ArrayList<>();
    private final Map<String, List<ObjectNode>> history = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> replies = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    final List<HttpUrl> calls = Collections.synchronizedList(new ArrayList<>());

    /** Answer the next {@code times} calls of {@code method} with {@code response}. */
    record Fault(String method, Function<HttpUrl, Boolean> when, int[] times, MockResponse response) {
    }

    FakeSlack() {
        for (JsonNode u : resource("users.list.200.json").path("members")) users.add(u);
        for (JsonNode c : resource("conversations.list.200.json").path("channels")) {
            channels.put(c.path("id").asText(), (ObjectNode) c);
            members.put(c.path("id").asText(), List.of("W012A3CDE", "W07QCRPA4"));
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = FakeSlack.class.getResourceAsStream("/slack/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- building the workspace -------------------------------------------------------------

    void addUser(String id, String name, String email, boolean bot) {
        ObjectNode u = ((ObjectNode) users.get(0)).deepCopy();
        u.put("id", id).put("name", name).put("real_name", name).put("is_bot", bot);
        ((ObjectNode) u.path("profile")).put("real_name", name).put("display_name", name).put("email", email);
        users.add(u);
    }

    ObjectNode addPrivateChannel(String id, String name, List<String> memberIds) {
        ObjectNode c = channels.values().iterator().next().deepCopy();
        c.put("id", id).put("name", name).put("name_normalized", name).put("is_private", true)
                .put("is_channel", false).put("is_group", true).put("is_general", false);
        channels.put(id, c);
        members.put(id, List.copyOf(memberIds));
        return c;
    }

    ObjectNode post(String channel, String user, String text, String ts) {
        ObjectNode m = JSON.createObjectNode().put("type", "message").put("user", user).put("text", text).put("ts", ts);
        return raw(channel, m);
    }

    ObjectNode raw(String channel, ObjectNode message) {
        history.computeIfAbsent(channel, k -> new ArrayList<>()).add(message);
        return message;
    }

    ObjectNode reply(String channel, String rootTs, String user, String text, String ts) {
        ObjectNode m = JSON.createObjectNode().put("type", "message").put("user", user).put("text", text)
                .put("ts", ts).put("thread_ts", rootTs).put("parent_user_id", root(channel, rootTs).path("user").asText());
        replies.computeIfAbsent(channel + "/" + rootTs, k -> new ArrayList<>()).add(m);
        return m;
    }

    /** A reply also sent to the channel: it is in the thread and in the channel's history. */
    ObjectNode broadcast(String channel, String rootTs, String user, String text, String ts) {
        ObjectNode m = reply(channel, rootTs, user, text, ts).put("subtype", "thread_broadcast");
        history.get(channel).add(m);
        return m;
    }

    /** Slack keeps an edited message's ts and records the edit in {@code edited}. */
    void edit(String channel, String ts, String text, String editedTs) {
        ObjectNode m = root(channel, ts);
        m.put("text", text);
        m.putObject("edited").put("user", m.path("user").asText()).put("ts", editedTs);
    }

    void deleteLastReply(String channel, String rootTs) {
        List<ObjectNode> thread = replies.get(channel + "/" + rootTs);
        thread.remove(thread.size() - 1);
    }

    void fail(String method, int times, MockResponse response) {
        faults.add(new Fault(method, url -> true, new int[]{times}, response));
    }

    void failWhen(String method, Function<HttpUrl, Boolean> when, int times, MockResponse response) {
        faults.add(new Fault(method, when, new int[]{times}, response));
    }

    void clearFaults() {
        faults.clear();
    }

    List<HttpUrl> calls(String method) {
        synchronized (calls) {
            return calls.stream().filter(u -> u.encodedPath().endsWith("/" + method)).toList();
        }
    }

    static String ts(long epochSecond, int micro) {
        return epochSecond + "." + String.format("%06d", micro);
    }

    // ---- answering ----------------------------------------------------------------------------

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        calls.add(url);
        String method = url.pathSegments().get(url.pathSegments().size() - 1);
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.method().equals(method) && f.times()[0] > 0 && f.when().apply(url)) {
                if (--f.times()[0] == 0) it.remove();
                return f.response();
            }
        }
        if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) return error("not_authed");
        return switch (method) {
            case "auth.test" -> ok(JSON.createObjectNode().put("url", "https://acme.slack.com/").put("team", "Acme")
                    .put("user", "nightjar").put("team_id", "T012AB3C4").put("user_id", "U0NIGHTJAR"));
            case "users.list" -> page(url, "members", users);
            case "conversations.list" -> page(url, "channels", new ArrayList<>(channels.values()));
            case "conversations.members" -> {
                List<String> ids = members.get(url.queryParameter("channel"));
                yield ids == null ? error("channel_not_found")
                        : page(url, "members", ids.stream().map(id -> (JsonNode) JSON.getNodeFactory().textNode(id)).toList());
            }
            case "conversations.history" -> history(url);
            case "conversations.replies" -> replies(url);
            default -> error("unknown_method");
        };
    }

    private MockResponse history(HttpUrl url) {
        String channel = url.queryParameter("channel");
        if (!channels.containsKey(channel)) return error("channel_not_found");
        String oldest = url.queryParameter("oldest");
        List<ObjectNode> visible = history.getOrDefault(channel, List.of()).stream()
                .filter(m -> oldest == null || cmp(m.path("ts").asText(), oldest) > 0)
                .sorted(Comparator.comparing((ObjectNode m) -> new BigDecimal(m.path("ts").asText())).reversed())
                .map(m -> withThread(channel, m)).toList();
        int limit = limit(url, 100);
        int start = 0;
        String cursor = url.queryParameter("cursor");
        if (cursor != null) {
            String nextTs = decode(cursor).substring("next_ts:".length());
            while (start < visible.size() && cmp(visible.get(start).path("ts").asText(), nextTs) > 0) start++;
        }
        List<ObjectNode> slice = visible.subList(start, Math.min(visible.size(), start + limit));
        boolean more = start + limit < visible.size();
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.putArray("messages").addAll(slice);
        body.put("has_more", more).put("pin_count", 0);
        body.putObject("response_metadata").put("next_cursor",
                more ? encode("next_ts:" + visible.get(start + limit).path("ts").asText()) : "");
        return json(body);
    }

    private ObjectNode withThread(String channel, ObjectNode m) {
        ObjectNode copy = m.deepCopy();
        String ts = m.path("ts").asText();
        List<ObjectNode> thread = replies.get(channel + "/" + ts);
        if (thread != null && !m.has("parent_user_id")) {
            copy.put("thread_ts", ts).put("reply_count", thread.size())
                    .put("latest_reply", thread.get(thread.size() - 1).path("ts").asText());
            ArrayNode replyUsers = copy.putArray("reply_users");
            thread.stream().map(r -> r.path("user").asText()).distinct().forEach(replyUsers::add);
            copy.put("reply_users_count", replyUsers.size());
        }
        return copy;
    }

    private ObjectNode root(String channel, String rootTs) {
        return history.getOrDefault(channel, List.of()).stream().filter(m -> m.path("ts").asText().equals(rootTs))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no root " + rootTs));
    }

    private MockResponse replies(HttpUrl url) {
        String channel = url.queryParameter("channel");
        String ts = url.queryParameter("ts");
        ObjectNode root = history.getOrDefault(channel, List.of()).stream()
                .filter(m -> m.path("ts").asText().equals(ts)).findFirst().orElse(null);
        if (root == null) return error("thread_not_found");
        List<JsonNode> all = new ArrayList<>();
        all.add(withThread(channel, root));
        all.addAll(replies.getOrDefault(channel + "/" + ts, List.of()));
        return page(url, "messages", all);
    }

    /** Offset pagination behind an opaque cursor, as the list methods and replies do. */
    private MockResponse page(HttpUrl url, String field, List<? extends JsonNode> items) {
        int limit = limit(url, 100);
        String cursor = url.queryParameter("cursor");
        int start = cursor == null ? 0 : Integer.parseInt(decode(cursor).substring("offset:".length()));
        int end = Math.min(items.size(), start + limit);
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.putArray(field).addAll(items.subList(start, end));
        if (field.equals("messages")) body.put("has_more", end < items.size());
        body.putObject("response_metadata").put("next_cursor", end < items.size() ? encode("offset:" + end) : "");
        return json(body);
    }

    private static int limit(HttpUrl url, int dflt) {
        String limit = url.queryParameter("limit");
        return limit == null ? dflt : Math.min(Integer.parseInt(limit), 1000);
    }

    static MockResponse ok(ObjectNode fields) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.setAll(fields);
        return json(body);
    }

    static MockResponse error(String error) {
        return json(JSON.createObjectNode().put("ok", false).put("error", error));
    }

    static MockResponse json(JsonNode body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=utf-8").setBody(body.toString());
    }

    private static int cmp(String a, String b) {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    private static String encode(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
    }
}
