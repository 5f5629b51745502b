package dev.nightjar.bench;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.jobs.PipelineProgress;
import dev.nightjar.jobs.SyncRunner;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real nightly job against the sandbox, as `nightjar demo` wires it (sandbox servers, their
 * connector YAML and environment, a workspace, the Spring context in SYNC mode), kept open so several
 * syncs run in one process on one store. Every connector request goes through an {@link HttpTally}.
 */
final class SandboxSync implements AutoCloseable {

    /** One sync: wall time, the run's per-source counts, and the wire traffic per source. */
    record Measured(double seconds, Map<String, RunStore.SourceCounts> sources, Map<String, HttpTally.Counts> http) {
    }

    private final SandboxServers sandbox;
    private final Workspace ws;
    private final ConfigurableApplicationContext spring;
    private final HttpTally tally = new HttpTally();

    SandboxSync(Path dir, Clock clock) throws IOException {
        sandbox = SandboxServers.start(SampleCompany.generate(clock));
        try {
            Path configDir = dir.resolve("config");
            writeConfig(configDir);
            Environment env = Environment.of(sandbox.env());
            ConnectorContext production = ConnectorContext.production(env);
            ConnectorContext counted = new ConnectorContext(env, production.http().newBuilder().addNetworkInterceptor(tally).build(),
                    production.retryPolicy(), production.sleeper(), production.clock());
            ws = new Workspace(dir.resolve("data"), new ConfigDir(configDir), env, clock);
            spring = NightjarApplication.start(ws, NightjarApplication.Mode.SYNC, Map.of("connectorContext", counted), Map.of());
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    SampleCompany company() {
        return sandbox.company();
    }

    Workspace workspace() {
        return ws;
    }

    /** Runs the nightly job over all five sources; {@code full} is `nightjar sync --full`. */
    Measured sync(boolean full) {
        Map<String, HttpTally.Counts> before = traffic();
        long t = System.nanoTime();
        SyncRunner.Result result = spring.getBean(SyncRunner.class).run(new SyncRunner.Request(SandboxServers.SOURCES, full),
                PipelineProgress.silent());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!result.succeeded()) throw new IllegalStateException("sandbox sync failed: " + result.message());
        Map<String, HttpTally.Counts> http = new LinkedHashMap<>();
        traffic().forEach((source, counts) -> http.put(source, counts.minus(before.get(source))));
        return new Measured(seconds, Map.copyOf(result.run().sources()), http);
    }

    private Map<String, HttpTally.Counts> traffic() {
        Map<String, HttpTally.Counts> m = new LinkedHashMap<>();
        for (String source : SandboxServers.SOURCES) m.put(source, tally.counts(java.net.URI.create(sandbox.url(source)).getPort()));
        return m;
    }

    private void writeConfig(Path configDir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>(sandbox.configFiles());
        files.put("jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: [" + String.join(", ", SandboxServers.SOURCES) + "]\n");
        for (var file : files.entrySet()) {
            Path f = configDir.resolve(file.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, file.getValue());
        }
    }

    @Override
    public void close() {
        try (sandbox; ws) {
            spring.close();
        }
    }
}
