package dev.nightjar.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.StreamDrain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays octokit's recorded five-page issues listing with its real {@code Link} headers (host moved to
 * the mock server). GitHub's next links point at {@code /repositories/1000/issues?page=N}, not at the
 * path we asked for: the stream must follow them as given.
 */
class RecordedPaginationTest {

    @TempDir
    Path dir;

    @Test
    void followsRecordedLinkHeadersAsGivenToTheLastPage() throws Exception {
        JsonNode pages = FakeGitHub.JSON.readTree(getClass().getResourceAsStream("/github/octokit-fixtures.paginate-issues.normalized.json"));
        List<RecordedRequest> seen = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setServerSocketFactory(new NoDelayServerSockets());
            String origin = server.url("/").toString().replaceAll("/$", "");
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    seen.add(request);
                    String page = request.getRequestUrl().queryParameter("page");
                    JsonNode recorded = pages.get(page == null ? 0 : Integer.parseInt(page) - 1);
                    MockResponse response = new MockResponse().setResponseCode(recorded.get("status").asInt())
                            .setBody(recorded.get("response").toString());
                    recorded.get("headers").fields().forEachRemaining(h -> response.setHeader(h.getKey(),
                            h.getValue().asText().replace("https://api.github.com", origin)));
                    return response;
                }
            });
            GitHubHarness harness = new GitHubHarness(server, dir, "repos: [octokit-fixture-org/paginate-issues]");
            Connector connector = harness.connector();
            var issues = connector.streams().stream().filter(s -> s.name().startsWith("issues:")).findFirst().orElseThrow();

            StreamDrain.Result result = StreamDrain.drain(issues, null);

            assertThat(result.pages()).isEqualTo(5);
            assertThat(result.records()).hasSize(13);
            assertThat(seen.get(0).getPath()).startsWith("/repos/octokit-fixture-org/paginate-issues/issues?");
            assertThat(seen.subList(1, 5)).extracting(RecordedRequest::getPath).containsExactly(
                    "/repositories/1000/issues?per_page=3&page=2", "/repositories/1000/issues?per_page=3&page=3",
                    "/repositories/1000/issues?per_page=3&page=4", "/repositories/1000/issues?per_page=3&page=5");
            // the watermark is the newest updated_at returned, ready for the next run's since=
            assertThat(result.cursor()).contains("\"since\":\"2017-10-10T16:00:00Z\"");
        }
    }
}
