package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local Slack Web API (under {@code /api/}) and {@code response_url} receiver (under {@code /respond/}):
 * users.info / users.lookupByEmail from a small directory, conversations.info from a channel map, and
 * every chat.postMessage and response_url body recorded for assertions.
 */
final class FakeSlack implements AutoCloseable {

    record User(String id, String email, String tz) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    final Map<String, User> users = new ConcurrentHashMap<>();
    final Map<String, String> channelNames = new ConcurrentHashMap<>();
    final List<JsonNode> posts = new CopyOnWriteArrayList<>();
    final List<RecordedCall> responses = new CopyOnWriteArrayList<>();
    final List<String> methods = new CopyOnWriteArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(1000);
    volatile boolean failPosts;
    /** Makes users.info slow, to show the app acknowledges before it does the work. */
    volatile Duration usersInfoDelay = Duration.ZERO;

    record RecordedCall(String path, JsonNode body) {
    }

    FakeSlack() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return FakeSlack.this.dispatch(request);
            }
        });
        server.start();
    }

    String apiUrl() {
        return server.url("/api").toString();
    }

    String responseUrl(String name) {
        return server.url("/respond/" + name).toString();
    }

    void user(String id, String email, String tz) {
        users.put(id, new User(id, email, tz));
    }

    private MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        String body = request.getBody().readUtf8();
        if (path.startsWith("/respond/")) {
            responses.add(new RecordedCall(path, read(body)));
            return new MockResponse().setBody("ok");
        }
        String method = path.substring(path.lastIndexOf('/') + 1);
        methods.add(method);
        if (!"Bearer xoxb-test".equals(request.getHeader("Authorization"))) return ok("{\"ok\":false,\"error\":\"not_authed\"}");
        String type = String.valueOf(request.getHeader("Content-Type"));
        Map<String, String> form = type.startsWith("application/x-www-form-urlencoded")
                ? FormFields.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : Map.of();
        return switch (method) {
            case "chat.postMessage" -> {
                if (failPosts) yield ok("{\"ok\":false,\"error\":\"channel_not_found\"}");
                posts.add(read(body));
                yield ok("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000." + ts.incrementAndGet() + "\"}");
            }
            case "chat.update" -> ok("{\"ok\":true}");
            case "users.info" -> user(users.get(form.get("user"))).setBodyDelay(usersInfoDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            case "users.lookupByEmail" -> user(users.values().stream().filter(u -> u.email().equals(form.get("email"))).findFirst().orElse(null));
            case "conversations.info" -> {
                String name = channelNames.get(form.get("channel"));
                yield name == null ? ok("{\"ok\":false,\"error\":\"channel_not_found\"}")
                        : ok("{\"ok\":true,\"channel\":{\"id\":\"" + form.get("channel") + "\",\"name\":\"" + name + "\",\"is_private\":false}}");
            }
            default -> ok("{\"ok\":false,\"error\":\"unknown_method\"}");
        };
    }

    private static MockResponse user(User u) {
        if (u == null) return ok("{\"ok\":false,\"error\":\"users_not_found\"}");
        return ok("{\"ok\":true,\"user\":{\"id\":\"" + u.id() + "\",\"tz\":\"" + u.tz() + "\",\"profile\":{\"email\":\"" + u.email() + "\"}}}");
    }

    private static MockResponse ok(String json) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(json);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    /** Waits until {@code count} posts match, then returns them. */
    List<JsonNode> awaitPosts(Predicate<JsonNode> match, int count, Duration timeout) throws InterruptedException {
        return await(() -> posts.stream().filter(match).toList(), count, timeout);
    }

    List<RecordedCall> awaitResponses(String name, int count, Duration timeout) throws InterruptedException {
        return await(() -> responses.stream().filter(r -> r.path().equals("/respond/" + name)).toList(), count, timeout);
    }

    private static <T> List<T> await(java.util.function.Supplier<List<T>> found, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.get().size() < count && System.nanoTime() < deadline) Thread.sleep(50);
        return found.get();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
