package dev.nightjar.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local stand-in for the OpenAI chat completions API on MockWebServer: {@code POST /v1/chat/completions}
 * answered in the real API's JSON shape, with the reply computed from the request (so a test can cite
 * the fact numbers it was actually given). Records every request body.
 */
final class FakeOpenAi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int TOKENS_IN = 120, TOKENS_OUT = 40;

    final MockWebServer server = new MockWebServer();
    final List<JsonNode> requests = new ArrayList<>();
    private Function<JsonNode, String> reply = r -> "ok";

    FakeOpenAi() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getPath().endsWith("/chat/completions")) return new MockResponse().setResponseCode(404);
                try {
                    JsonNode body = JSON.readTree(request.getBody().readUtf8());
                    synchronized (requests) {
                        requests.add(body);
                    }
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(completion(reply.apply(body)));
                } catch (IOException | RuntimeException | AssertionError e) {
                    // a broken test reply must fail fast, not leave the client waiting for its timeout
                    return new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"" + e.getClass().getSimpleName() + "\"}}");
                }
            }
        });
        server.start();
    }

    void reply(Function<JsonNode, String> reply) {
        this.reply = reply;
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** The concatenated message contents of request {@code i}. */
    String prompt(int i) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode m : requests.get(i).path("messages")) sb.append(m.path("content").asText()).append('\n');
        return sb.toString();
    }

    static String completion(String content) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "id", "chatcmpl-test", "object", "chat.completion", "created", 1764050000, "model", "gpt-4o-mini",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", content))),
                "usage", Map.of("prompt_tokens", TOKENS_IN, "completion_tokens", TOKENS_OUT, "total_tokens", TOKENS_IN + TOKENS_OUT)));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
