package dev.nightjar.bench;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.jobs.PipelineProgress;
import dev.nightjar.jobs.SyncRunner;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.store.RunStore;
import java.io.IOException;
import java.net.URI;
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
public final class SandboxSync implements AutoCloseable {

    /**
     * One sync: wall time, the run's per-source counts (with each source step's time), the wire
     * traffic per source, and the milliseconds each source spent waiting on purpose (pacing, back-off).
     */
    public record Measured(double seconds, Map<String, RunStore.SourceCounts> sources, Map<String, HttpTally.Counts> http,
                    Map<String, Long> waitedMillis) {
    }

    private final SandboxServers sandbox;
    private final Workspace ws;
    private final ConfigurableApplicationContext spring;
    private final HttpTally tally = new HttpTally();
    private final WaitTally waits;

    /** @param sleeper how connectors wait when pacing or backing off; {@link Sleeper#real()} but in tests */
    public SandboxSync(Path dir, Clock clock, Sleeper sleeper) throws IOException {
        waits = new WaitTally(sleeper);
        sandbox = SandboxServers.start(SampleCompany.generate(clock));
        try {
            Path configDir = dir.resolve("config");
            sandbox.writeConfig(configDir);
            // the sandbox's URLs and tokens; the database is the operator's (NIGHTJAR_DB_*, to compare H2 and PostgreSQL)
            Map<String, String> vars = new java.util.HashMap<>(sandbox.env());
            for (String name : java.util.List.of(dev.nightjar.store.DatabaseSettings.URL_VAR, dev.nightjar.store.DatabaseSettings.USER_VAR,
                    dev.nightjar.store.DatabaseSettings.PASSWORD_VAR)) {
                Environment.system().find(name).ifPresent(v -> vars.put(name, v));
            }
            Environment env = Environment.of(vars);
            ConnectorContext production = ConnectorContext.production(env);
            ConnectorContext counted = new ConnectorContext(env, production.http().newBuilder().addNetworkInterceptor(tally).build(),
                    production.retryPolicy(), waits, production.clock());
            ws = new Workspace(dir.resolve("data"), new ConfigDir(configDir), env, clock);
            spring = NightjarApplication.start(ws, NightjarApplication.Mode.SYNC, Map.of("connectorContext", counted), Map.of());
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    public SampleCompany company() {
        return sandbox.company();
    }

    public Workspace workspace() {
        return ws;
    }

    /** Runs the nightly job over all five sources; {@code full} is `nightjar sync --full`. */
    public Measured sync(boolean full) {
        Map<String, Integer> marks = new LinkedHashMap<>();
        Map<String, Long> waitedBefore = new LinkedHashMap<>();
        for (String source : SandboxServers.SOURCES) {
            marks.put(source, tally.mark(port(source)));
            waitedBefore.put(source, waits.millis(source));
        }
        long t = System.nanoTime();
        SyncRunner.Result result = spring.getBean(SyncRunner.class).run(new SyncRunner.Request(SandboxServers.SOURCES, full),
                PipelineProgress.silent());
        double seconds = (System.nanoTime() - t) / 1e9;
        if (!result.succeeded()) throw new IllegalStateException("sandbox sync failed: " + result.message());
        Map<String, HttpTally.Counts> http = new LinkedHashMap<>();
        Map<String, Long> waited = new LinkedHashMap<>();
        for (String source : SandboxServers.SOURCES) {
            http.put(source, tally.since(port(source), marks.get(source)));
            waited.put(source, waits.millis(source) - waitedBefore.get(source));
        }
        return new Measured(seconds, Map.copyOf(result.run().sources()), http, waited);
    }

    private int port(String source) {
        return URI.create(sandbox.url(source)).getPort();
    }

    @Override
    public void close() {
        try (sandbox; ws) {
            spring.close();
        }
    }
}
