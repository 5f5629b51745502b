package dev.nightjar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nightjar.slack.FormFields;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;

/**
 * The Slack Web API as the served app sees it during the load run, on loopback: {@code users.info}
 * names every asker, {@code conversations.info} calls every channel public, and each answer that
 * arrives ({@code chat.postMessage} in a thread, or a post to a slash command's {@code response_url})
 * is stamped with its arrival time, keyed by the thread's {@code ts} or the response URL's last segment.
 */
final class SlackStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** key → System.nanoTime() of the first answer that arrived for it, completed on arrival */
    private final Map<String, CompletableFuture<Long>> answers = new ConcurrentHashMap<>();
    private final HttpServer server;

    SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/", this::api);
        server.createContext("/respond/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            arrived(path.substring(path.lastIndexOf('/') + 1));
            reply(exchange, "ok");
        });
        server.start();
    }

    private void arrived(String key) {
        answer(key).complete(System.nanoTime());   // only the first arrival counts
    }

    private CompletableFuture<Long> answer(String key) {
        return answers.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    /** System.nanoTime() of the first answer for {@code key}, or null while none has arrived. */
    Long answeredAt(String key) {
        return answer(key).getNow(null);
    }

    /** Waits up to {@code limit} for the first answer for {@code key}; its System.nanoTime(), or null if none came. */
    Long awaitAnswer(String key, Duration limit) throws InterruptedException {
        try {
            return answer(key).get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL to give the app as {@code NIGHTJAR_SLACK_BASE_URL}. */
    String apiUrl() {
        return origin() + "/api";
    }

    /** A response URL whose arrival is recorded under {@code key}. */
    String responseUrl(String key) {
        return origin() + "/respond/" + key;
    }

    private String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void api(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String answer = switch (method) {
            case "users.info" -> {
                String user = FormFields.parse(body).getOrDefault("user", "");
                yield "{\"ok\":true,\"user\":{\"id\":\"" + user + "\",\"tz\":\"UTC\",\"profile\":{\"email\":\""
                        + user.toLowerCase() + "@bench.example\"}}}";
            }
            case "conversations.info" -> "{\"ok\":true,\"channel\":{\"id\":\"C0BENCH\",\"name\":\"bench\",\"is_private\":false}}";
            case "chat.postMessage" -> {
                JsonNode message = JSON.readTree(body);
                arrived(message.path("thread_ts").asText(""));
                yield "{\"ok\":true,\"ts\":\"" + System.nanoTime() + ".000001\"}";
            }
            default -> "{\"ok\":true}";
        };
        reply(exchange, answer);
    }

    private static void reply(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
