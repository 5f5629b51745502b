package dev.nightjar.sandbox;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * Test helper: a sandbox started for a fixed "now", its config written to a directory, and real
 * connectors built through their factories with the sandbox's environment.
 */
final class SandboxHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T06:30:00Z");

    final MutableClock clock = new MutableClock(NOW);
    final SandboxServers sandbox;
    final Path configDir;
    final RecordingSleeper sleeper = new RecordingSleeper();
    private final OkHttpClient http = new OkHttpClient();

    SandboxHarness(Path configDir) {
        this.configDir = configDir;
        this.sandbox = SandboxServers.start(SampleCompany.generate(Clock.fixed(NOW, ZoneOffset.UTC)));
        try {
            sandbox.writeConfig(configDir);
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException(e);
        }
    }

    Connector connector(ConnectorFactory factory) {
        ConnectorContext context = new ConnectorContext(Environment.of(sandbox.env()), http,
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(1)), sleeper, clock);
        return factory.create(new ConfigDir(configDir), context).orElseThrow();
    }

    /**
     * A factory by class name, skipping the test (not failing the build) while the connector is not on
     * the classpath: the Notion and W&B connectors reach main from another branch.
     */
    static ConnectorFactory factory(String className) {
        try {
            return (ConnectorFactory) Class.forName(className).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            org.junit.jupiter.api.Assumptions.abort(className + " is not on the classpath yet");
            throw new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every stream to its last page, as the job does; {@code cursors} is updated in place. */
    static Map<String, List<SourceRecord>> sync(Connector connector, Map<String, String> cursors) {
        Map<String, List<SourceRecord>> out = new LinkedHashMap<>();
        for (SourceStream stream : connector.streams()) {
            StreamDrain.Result r = StreamDrain.drain(stream, cursors.get(stream.name()));
            cursors.put(stream.name(), r.cursor());
            out.put(stream.name(), r.records());
        }
        return out;
    }

    static List<Normalized> normalize(Connector connector, Map<String, List<SourceRecord>> records) {
        List<Normalized> out = new ArrayList<>();
        records.values().forEach(list -> list.forEach(r -> out.add(connector.normalizer().normalize(r))));
        return out;
    }

    static List<Document> documents(List<Normalized> normalized) {
        return normalized.stream().flatMap(n -> n.documents().stream()).toList();
    }

    static int total(Map<String, List<SourceRecord>> records) {
        return records.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** A clock tests move forward ("the next night"). */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
