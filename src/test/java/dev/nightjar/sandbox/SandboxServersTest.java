package dev.nightjar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.github.GitHubConnectorFactory;
import dev.nightjar.connectors.linear.LinearConnectorFactory;
import dev.nightjar.connectors.slack.SlackConnectorFactory;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxServersTest {

    @Test
    void envAndConfigPointEveryConnectorAtItsServer(@TempDir Path dir) {
        try (SandboxHarness h = new SandboxHarness(dir)) {
            Map<String, String> env = h.sandbox.env();
            assertThat(env).containsKeys("LINEAR_API_KEY", "GITHUB_TOKEN", "WANDB_API_KEY", "NOTION_TOKEN", "SLACK_BOT_TOKEN",
                    "SLACK_SIGNING_SECRET");
            for (String source : SandboxServers.SOURCES) {
                assertThat(env.get("NIGHTJAR_" + source.toUpperCase() + "_BASE_URL")).startsWith("http://127.0.0.1:");
            }
            assertThat(h.sandbox.linearUrl()).endsWith("/graphql");
            assertThat(h.sandbox.slackUrl()).endsWith("/api");
            assertThat(h.sandbox.configFiles()).containsKeys("connectors/linear.yml", "connectors/github.yml",
                    "connectors/wandb.yml", "connectors/notion.yml", "connectors/slack.yml", "index/people.yml");
            assertThat(h.sandbox.configFiles().get("connectors/slack.yml"))
                    .contains("scratchpad-channels: [\"#leads-scratchpad\"]").contains("\"#leadership\"");
        }
    }

    /** Full and incremental request counts of every source (printed for the benchmarks). */
    @Test
    void requestCountsOfAFullAndAnIncrementalSync(@TempDir Path dir) {
        try (SandboxHarness h = new SandboxHarness(dir)) {
            Map<String, ConnectorFactory> factories = new LinkedHashMap<>();
            factories.put("linear", new LinearConnectorFactory());
            factories.put("github", new GitHubConnectorFactory());
            factories.put("slack", new SlackConnectorFactory());
            for (String optional : new String[]{"notion", "wandb"}) {
                try {
                    String cls = optional.equals("notion") ? "dev.nightjar.connectors.notion.NotionConnectorFactory"
                            : "dev.nightjar.connectors.wandb.WandbConnectorFactory";
                    factories.put(optional, (ConnectorFactory) Class.forName(cls).getConstructor().newInstance());
                } catch (ReflectiveOperationException e) {
                    // not on main yet
                }
            }
            StringBuilder report = new StringBuilder("SANDBOX REQUESTS");
            for (Map.Entry<String, ConnectorFactory> f : factories.entrySet()) {
                long t0 = System.nanoTime();
                Connector connector = h.connector(f.getValue());
                Map<String, String> cursors = new HashMap<>();
                long before = h.sandbox.requestCount(f.getKey());
                int records = SandboxHarness.total(SandboxHarness.sync(connector, cursors));
                long full = h.sandbox.requestCount(f.getKey()) - before;
                int again = SandboxHarness.total(SandboxHarness.sync(connector, cursors));
                long incremental = h.sandbox.requestCount(f.getKey()) - before - full;
                report.append(String.format(" | %s: full %d req/%d records, incremental %d req/%d records (%d ms)",
                        f.getKey(), full, records, incremental, again, (System.nanoTime() - t0) / 1_000_000));
                assertThat(incremental).isLessThanOrEqualTo(full);
                assertThat(connector.stats().requests()).isEqualTo(full + incremental);
            }
            System.out.println(report);
        }
    }

    @Test
    void closeFreesThePorts(@TempDir Path dir) {
        String url;
        try (SandboxHarness h = new SandboxHarness(dir)) {
            url = h.sandbox.githubUrl();
        }
        OkHttpClient http = new OkHttpClient();
        assertThatThrownBy(() -> http.newCall(new Request.Builder().url(url + "/repos/kestrel/search-ranker/pulls").build()).execute())
                .isInstanceOf(ConnectException.class);
    }
}
