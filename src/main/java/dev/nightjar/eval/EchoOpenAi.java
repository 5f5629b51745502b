package dev.nightjar.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback stand-in for an OpenAI-compatible chat completions server ({@code POST …/chat/completions},
 * the real API's JSON shape) that writes "prose" by restating the numbered facts of the prompt: each
 * {@code - (section; truth) text [n]} line becomes one sentence, hedged as the prompt asks for working
 * and scratchpad facts, and every conflict is repeated. This is the LLM path's best case: what it
 * measures is what the facts given to a model contain, not a model's style.
 */
public final class EchoOpenAi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FACT = Pattern.compile("^- \\(([^;]+); ([^)]+)\\) (.*)$");

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    public EchoOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the evaluation's LLM stand-in", e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                calls.incrementAndGet();
                byte[] body;
                int status = 200;
                if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                    status = 404;
                    body = "{\"error\":{\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8);
                } else {
                    JsonNode request = JSON.readTree(exchange.getRequestBody());
                    StringBuilder prompt = new StringBuilder();
                    for (JsonNode m : request.path("messages")) prompt.append(m.path("content").asText()).append('\n');
                    body = completion(prose(prompt.toString()), prompt.length());
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** The base URL to give as {@code OPENAI_BASE_URL}. */
    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/v1";
    }

    public int calls() {
        return calls.get();
    }

    /** The facts of the prompt restated as sentences; conflicts ("- text [a] [b]" under "Conflicts:") kept as they are. */
    static String prose(String prompt) {
        StringBuilder sb = new StringBuilder();
        boolean conflicts = false;
        for (String line : prompt.split("\\R")) {
            if (line.startsWith("Conflicts:")) conflicts = true;
            Matcher m = FACT.matcher(line);
            if (m.matches()) {
                String truth = m.group(2).toLowerCase(Locale.ROOT);
                String hedge = truth.contains("scratchpad") ? "A scratchpad note suggests: " : truth.equals("working") ? "A working document says: " : "";
                sb.append("- ").append(hedge).append(m.group(3)).append('\n');
            } else if (conflicts && line.startsWith("- ") && line.matches(".*\\[\\d+]\\s*$")) {
                sb.append("- Conflict: ").append(line.substring(2)).append('\n');
            }
        }
        return sb.isEmpty() ? "Nothing in the facts answers this." : sb.toString().strip();
    }

    private static byte[] completion(String content, int promptChars) throws IOException {
        int in = Math.max(1, promptChars / 4), out = Math.max(1, content.length() / 4);
        return JSON.writeValueAsBytes(Map.of("id", "chatcmpl-eval", "object", "chat.completion", "created", 1764050000,
                "model", "echo-facts", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", in, "completion_tokens", out, "total_tokens", in + out)));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
