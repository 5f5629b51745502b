package dev.nightjar.bench;

import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.store.RunStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures 3 and 4, against the sandbox in this process and on one store:
 * <ol>
 *   <li>HTTP efficiency: the first sync's requests per source against {@link PageFloor} (the fewest a
 *       full read of the same data could make), and two re-syncs of unchanged data: their requests and
 *       the quota they use (requests not answered 304, which GitHub does not charge).</li>
 *   <li>Incremental cost: after {@link CompanyEdits} changes 1% of each source's documents, the wall time of the
 *       nightly (incremental) sync against a `--full` sync of the same data, alternated {@code rounds}
 *       times (fresh edits each round); medians.</li>
 * </ol>
 */
final class SyncBenchmark {

    static final double CHANGED_PERCENT = 1.0;

    /**
     * @param unchanged      the re-sync right after the first sync; {@code unchangedAgain} the one after it
     *                       (the steady state: watermarks and ETags now come from an incremental run)
     * @param documents   documents the first sync stored
     * @param edited      records changed per source before each incremental sync (the last round's)
     * @param incremental one measurement per round; {@code full} likewise
     */
    record Result(Map<String, Long> floor, SandboxSync.Measured first, SandboxSync.Measured unchanged,
                  SandboxSync.Measured unchangedAgain, long documents,
                  Map<String, Integer> edited, List<SandboxSync.Measured> incremental, List<SandboxSync.Measured> full) {

        double incrementalMedianSeconds() {
            return median(incremental);
        }

        double fullMedianSeconds() {
            return median(full);
        }

        private static double median(List<SandboxSync.Measured> runs) {
            double[] s = runs.stream().mapToDouble(SandboxSync.Measured::seconds).sorted().toArray();
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }
    }

    private final Path dir;
    private final int rounds;
    private final Clock clock;
    private final boolean detail;
    private final Sleeper sleeper;

    /**
     * @param detail  also print each sync's requests per endpoint
     * @param sleeper how connectors wait (pacing, back-off): {@link Sleeper#real()}; tests pass a no-op
     */
    SyncBenchmark(Path dir, int rounds, Clock clock, boolean detail, Sleeper sleeper) {
        this.dir = dir;
        this.rounds = rounds;
        this.clock = clock;
        this.detail = detail;
        this.sleeper = sleeper;
    }

    Result run(PrintWriter log) throws IOException {
        try (SandboxSync sandbox = new SandboxSync(dir, clock, sleeper)) {
            Map<String, Long> floor = PageFloor.of(sandbox.company());
            step(log, "sandbox: first sync (reads everything)");
            SandboxSync.Measured first = detail(log, sandbox.sync(false));
            step(log, "sandbox: re-sync, nothing changed");
            SandboxSync.Measured unchanged = detail(log, sandbox.sync(false));
            step(log, "sandbox: re-sync again, nothing changed");
            SandboxSync.Measured unchangedAgain = detail(log, sandbox.sync(false));
            Map<String, Integer> stored = new LinkedHashMap<>();
            first.sources().forEach((source, c) -> stored.put(source, c.created()));
            long documents = stored.values().stream().mapToLong(Integer::longValue).sum();
            Map<String, Integer> wanted = CompanyEdits.share(stored, CHANGED_PERCENT);
            Map<String, Integer> edited = Map.of();
            SandboxSync.Measured[] incremental = new SandboxSync.Measured[rounds], full = new SandboxSync.Measured[rounds];
            for (int round = 0; round < rounds; round++) {
                edited = CompanyEdits.apply(sandbox.company(), wanted, afterTheLastSync(), "[bench edit " + (round + 1) + "]");
                step(log, "sandbox: round " + (round + 1) + "/" + rounds + ", sync after ~1% changed, then `--full`");
                incremental[round] = detail(log, sandbox.sync(false));
                full[round] = detail(log, sandbox.sync(true));
            }
            return new Result(floor, first, unchanged, unchangedAgain, documents, edited, Arrays.asList(incremental), Arrays.asList(full));
        }
    }

    /** An edit time strictly after the previous sync's watermarks, which some sources keep to the second. */
    private Instant afterTheLastSync() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return clock.instant();
    }

    private SandboxSync.Measured detail(PrintWriter log, SandboxSync.Measured m) {
        if (!detail) return m;
        log.printf("    %.2f s%n", m.seconds());
        m.http().forEach((source, counts) -> {
            RunStore.SourceCounts c = m.sources().get(source);
            log.printf("    %s: %d requests, step %d ms, of which waiting on purpose %d ms%n", source, counts.requests(),
                    c == null ? -1 : c.millis(), m.waitedMillis().get(source));
            counts.byEndpoint().forEach((endpoint, n) -> log.printf("      %4d  %s%n", n, endpoint));
        });
        log.flush();
        return m;
    }

    private static void step(PrintWriter log, String what) {
        log.println("  " + what + "...");
        log.flush();
    }
}
