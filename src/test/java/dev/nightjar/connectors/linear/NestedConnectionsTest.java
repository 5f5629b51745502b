package dev.nightjar.connectors.linear;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.http.RetryPolicy;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists nested in a page of parents (an issue's labels beyond the 20 asked for inline) are read whole:
 * the follow-up queries are valid against Linear's schema, under its complexity cap, and paged.
 */
class NestedConnectionsTest {

    static final int LABELS = 263;
    MockWebServer server;
    final List<JsonNode> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = FakeLinear.JSON.readTree(request.getBody().readUtf8());
                    asked.add(body);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> variables = FakeLinear.JSON.convertValue(body.path("variables"), Map.class);
                    List<String> errors = LinearSchema.errors(body.path("query").asText(), variables);
                    if (!errors.isEmpty()) return new MockResponse().setResponseCode(400).setBody(errors.toString());
                    // labels 0..262 of issue ISSUE-ID, 250 a page, cursor = index of the next label
                    int from = body.path("variables").path("after").isTextual() ? Integer.parseInt(body.path("variables").path("after").asText()) : 0;
                    int to = Math.min(LABELS, from + LinearQueries.MAX_PAGE);
                    ObjectNode response = FakeLinear.JSON.createObjectNode();
                    ObjectNode labels = response.putObject("data").putObject("issue").putObject("labels");
                    ArrayNode nodes = labels.putArray("nodes");
                    for (int i = from; i < to; i++) nodes.addObject().put("name", "area-" + i);
                    labels.putObject("pageInfo").put("hasNextPage", to < LABELS).put("endCursor", String.valueOf(to));
                    return new MockResponse().setHeader("Content-Type", "application/json").setBody(response.toString());
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void everyFollowUpQueryIsValidAgainstTheSchemaAndUnderTheCap() {
        NestedConnections.BY_ROOT.values().stream().flatMap(List::stream).forEach(nested -> {
            assertThat(LinearSchema.errors(nested.query(), Map.of("id", "x", "after", "y"))).as(nested.field()).isEmpty();
            assertThat(LinearSchema.complexity(nested.query())).as(nested.field()).isLessThanOrEqualTo(10_000);
        });
    }

    @Test
    void anIssueWithAsManyLabelsAsAskedForInlineHasTheRestReadPageByPage() {
        ConnectorContext context = new ConnectorContext(Environment.of(Map.of()),
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build(),
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1)), d -> { },
                Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        LinearClient client = new LinearClient(server.url("/graphql").toString(), "lin_api_test", context);
        ObjectNode issue = FakeLinear.JSON.createObjectNode().put("id", "ISSUE-ID").put("identifier", "WH-7");
        ArrayNode inline = issue.putObject("labels").putArray("nodes");
        for (int i = 0; i < 20; i++) inline.addObject().put("name", "area-" + i);
        ObjectNode fewLabels = FakeLinear.JSON.createObjectNode().put("id", "OTHER").put("identifier", "WH-8");
        fewLabels.putObject("labels").putArray("nodes").addObject().put("name", "ops");

        NestedConnections nested = new NestedConnections(client);
        nested.complete("issues", issue);
        nested.complete("issues", fewLabels);

        assertThat(issue.path("labels").path("nodes")).hasSize(LABELS);
        assertThat(issue.at("/labels/nodes/262/name").asText()).isEqualTo("area-262");
        assertThat(asked).hasSize(2); // two pages for WH-7; none for WH-8, which had fewer than asked for
        assertThat(asked.get(1).at("/variables/after").asText()).isEqualTo("250");
        assertThat(fewLabels.path("labels").path("nodes")).hasSize(1);
    }
}
