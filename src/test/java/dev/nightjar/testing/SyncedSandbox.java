package dev.nightjar.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.cli.CliRunner;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The sandbox company generated for {@code clock}, served by its local APIs and synced once through the
 * real CLI into a fresh data directory: what the sandbox tests of briefs, prep and the radar start from.
 * Close it to stop the servers.
 *
 * @param config the config directory the sandbox wrote (connectors pointed at its servers)
 * @param data   the synced data directory
 */
public record SyncedSandbox(Path config, Path data, SandboxServers servers) implements AutoCloseable {

    /** Generates, serves and syncs the company; fails the calling test with the CLI's stderr if the sync fails. */
    public static SyncedSandbox sync(String prefix, Clock clock) throws IOException {
        Path root = Files.createTempDirectory(prefix);
        Path config = root.resolve("config");
        Path data = root.resolve("data");
        SandboxServers servers = SandboxServers.start(SampleCompany.generate(clock));
        servers.writeConfig(config);
        CliRunner.Result r = CliRunner.run(config, data, clock, servers.env(), "sync");
        assertThat(r.exit()).as(r.err()).isZero();
        return new SyncedSandbox(config, data, servers);
    }

    @Override
    public void close() {
        servers.close();
    }
}
