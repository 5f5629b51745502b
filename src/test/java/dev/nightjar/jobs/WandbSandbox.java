package dev.nightjar.jobs;

import dev.nightjar.testing.TestClocks;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.wandb.FakeWandb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A W&B project of {@link #RUNS} runs behind MockWebServer, plus the config dir that points the real
 * W&B connector at it: the smallest real source for pipeline tests. A {@link Responder} can take over
 * to inject failures.
 */
final class WandbSandbox implements AutoCloseable {

    static final int RUNS = 120;
    static final Map<String, String> ENV = Map.of("WANDB_API_KEY", "wandb-key", "GITHUB_TOKEN", "gh-token");

    interface Responder {
        MockResponse respond(RecordedRequest request) throws InterruptedException;
    }

    final FakeWandb wandb = new FakeWandb();
    final MockWebServer server = new MockWebServer();
    final AtomicInteger requests = new AtomicInteger();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final Path config;
    volatile Responder override;

    WandbSandbox(Path config) throws IOException {
        this.config = Files.createDirectories(config);
        Instant t0 = TestClocks.now().minus(Duration.ofDays(2));
        List<ObjectNode> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(FakeWandb.run(String.format("run-%04d", i), i % 10 == 3 ? "crashed" : "finished",
                    t0.plus(Duration.ofMinutes(i)), t0.plus(Duration.ofMinutes(i + 30)), 1.0 / (i + 1)));
        }
        wandb.runs.put("acme/ranker", runs);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.incrementAndGet();
                Responder r = override;
                return r != null ? r.respond(request) : wandb.dispatch(request);
            }
        });
        server.start();
        write("connectors/wandb.yml", "enabled: true\nbase-url: " + server.url("/") + "\ntoken-env: WANDB_API_KEY\nentity: acme\nprojects: [ranker]\n");
        write("jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: [wandb]\n");
    }

    void write(String relative, String text) throws IOException {
        Path f = config.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    /** Connector context with fast retries and a sleeper that does not wait. */
    ConnectorContext context() {
        return new ConnectorContext(Environment.of(ENV), new OkHttpClient(),
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1)), sleeper, TestClocks.system());
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
