package dev.nightjar.testing;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import dev.nightjar.store.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A workspace on a temp data dir and config dir, with a fixed clock, for tests. */
public final class TempWorkspace {
    public static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    private TempWorkspace() {
    }

    public static Workspace open(Path root) {
        return open(root, Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    }

    public static Workspace open(Path root, Clock clock, Map<String, String> configFiles) {
        Path config = root.resolve("config");
        try {
            Files.createDirectories(config);
            for (var e : configFiles.entrySet()) {
                Path f = config.resolve(e.getKey());
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = root.resolve("data");
        return new Workspace(data, new ConfigDir(config), Environment.of(TestDatabases.env(data, Map.of())), clock);
    }

    /** Writes documents the way the job does: truth assessed by the policy; the change feed then moves the index. */
    public static WriteResult ingest(Workspace ws, List<Document> docs) {
        return ws.documents().write(new Normalized(docs, List.of(), List.of(), List.of()),
                d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));
    }
}
