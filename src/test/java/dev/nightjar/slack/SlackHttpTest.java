package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack app's own client: Slack's 429 + Retry-After rule, bounded retries, one-line failures without the token. */
class SlackHttpTest {

    private MockWebServer server;
    private final List<Duration> waits = new ArrayList<>();
    private SlackWebApi api;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        SlackHttp http = new SlackHttp(new OkHttpClient(), new SlackHttp.Policy(2, Duration.ofMillis(100), Duration.ofSeconds(30)), waits::add);
        api = new SlackWebApi(server.url("/api").toString(), () -> "xoxb-secret-token", http);
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void aThrottledCallWaitsWhatSlackAsksThenSucceeds() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "3"));
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setBody("{\"ok\":true,\"ts\":\"1764050000.000100\"}"));

        assertThat(api.postMessage(Map.of("channel", "C1", "text", "hi"))).isEqualTo("1764050000.000100");
        assertThat(waits).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(200)); // Retry-After, then doubled backoff
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aServerThatKeepsFailingGivesOneLineNamingTheMethodAfterTheRetries() {
        for (int i = 0; i < 3; i++) server.enqueue(new MockResponse().setResponseCode(500));
        assertThatThrownBy(() -> api.usersInfo("U1")).isInstanceOf(SlackWebApi.SlackApiError.class)
                .hasMessage("Slack users.info failed: HTTP 500 after 3 attempts").hasMessageNotContaining("xoxb");
    }

    @Test
    void aLongerRetryAfterThanAPersonCanWaitFailsAtOnce() {
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "120"));
        assertThatThrownBy(() -> api.usersInfo("U1")).hasMessage("Slack users.info failed: rate limited for 120 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void aClientErrorAndAnOkFalseAnswerAreNotRetried() {
        server.enqueue(new MockResponse().setResponseCode(404));
        assertThatThrownBy(() -> api.respond(server.url("/respond/x").toString(), Map.of("text", "hi")))
                .hasMessage("Slack response_url failed: HTTP 404");
        server.enqueue(new MockResponse().setBody("{\"ok\":false,\"error\":\"channel_not_found\"}"));
        assertThatThrownBy(() -> api.conversationsInfo("C9")).isInstanceOf(SlackWebApi.SlackApiError.class)
                .hasMessage("Slack conversations.info failed: channel_not_found");
        server.enqueue(new MockResponse().setBody("<html>"));
        assertThatThrownBy(() -> api.lookupByEmail("a@example.com")).hasMessage("Slack users.lookupByEmail failed: the answer is not JSON");
        assertThat(waits).isEmpty();
    }
}
