package dev.nightjar.connectors.github;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** Builds a real {@link GitHubConnector} through its factory against a {@link MockWebServer}. */
final class GitHubHarness {

    static final String TOKEN = "ghp_testTOKEN0123456789";
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    final RecordingSleeper sleeper = new RecordingSleeper();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ConnectorContext context;
    final ConfigDir config;

    GitHubHarness(MockWebServer server, Path dir, String selectionYaml) throws IOException {
        this(server, dir, selectionYaml, Map.of("GITHUB_TOKEN", TOKEN));
    }

    GitHubHarness(MockWebServer server, Path dir, String selectionYaml, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/github.yml"), "enabled: true\nbase-url: " + server.url("/")
                + "\ntoken-env: GITHUB_TOKEN\n" + selectionYaml + "\n");
        config = new ConfigDir(dir);
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        context = new ConnectorContext(Environment.of(env), http,
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(15)), sleeper, clock);
    }

    Connector connector() {
        return new GitHubConnectorFactory().create(config, context).orElseThrow();
    }

    /** One sync run the way the job does it: every stream from its stored cursor to its last page. */
    static Map<String, StreamDrain.Result> syncAll(Connector connector, Map<String, String> cursors) {
        Map<String, StreamDrain.Result> results = new LinkedHashMap<>();
        for (SourceStream stream : connector.streams()) {
            StreamDrain.Result r = StreamDrain.drain(stream, cursors.get(stream.name()));
            cursors.put(stream.name(), r.cursor());
            results.put(stream.name(), r);
        }
        return results;
    }

    static List<SourceRecord> all(Map<String, StreamDrain.Result> results) {
        List<SourceRecord> all = new ArrayList<>();
        results.values().forEach(r -> all.addAll(r.records()));
        return all;
    }
}
