package dev.nightjar.bench;

import dev.nightjar.connectors.http.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `nightjar bench`: the performance figures of BENCHMARKS.md, each as a ratio against a baseline run
 * in the same process on the same data, plus the absolute numbers. Not part of the test suite.
 */
@Command(name = "bench", description = "Measure indexing, query latency, memory, start-up, HTTP efficiency and incremental sync "
        + "cost against baselines (see BENCHMARKS.md).")
public final class BenchCommand implements Callable<Integer> {

    /** The parts of the benchmark that `--only` selects. */
    enum Part {
        /** figures 1, 2 and 5: index throughput, query latency, index size and rebuild heap */
        index,
        /** figure 3: requests per source against the sandbox */
        http,
        /** figure 4: a sync with ~1% changed against a full sync */
        incremental,
        /** figure 6: cold start */
        startup,
        /** figure 7: `serve` under signed Slack load from this process (a second JVM serves) */
        serve
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--docs", defaultValue = "100000", description = "Synthetic ~1 KB documents (default: ${DEFAULT-VALUE}; try 1000000).")
    int docs;

    @Option(names = "--queries", defaultValue = "200", description = "Distinct queries for the latency figure (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--startup-runs", defaultValue = "5", description = "Cold starts per command for the start-up figure (0 skips it).")
    int startupRuns;

    @Option(names = "--sync-rounds", defaultValue = "1",
            description = "Sandbox rounds of (~1%% changed sync, `--full` sync) for the incremental figure (default: ${DEFAULT-VALUE}).")
    int syncRounds;

    @Option(names = "--serve-requests", defaultValue = "1000",
            description = "Signed Slack requests of the serve load run, after the warm-up ones (default: ${DEFAULT-VALUE}).")
    int serveRequests;

    @Option(names = "--serve-warmup", defaultValue = "1000",
            description = "Requests answered before the measured ones of each served build, not counted (default: ${DEFAULT-VALUE}).")
    int serveWarmUp;

    @Option(names = "--serve-concurrency", defaultValue = "50", description = "Requests in flight at once in the serve load run (default: ${DEFAULT-VALUE}).")
    int serveConcurrency;

    @Option(names = "--skip-before", description = "Index figure without the before-variant (the index reading batches back"
            + " from the store); a 1M-document run takes a third less.")
    boolean skipBefore;

    @Option(names = "--serve-model", split = ",", defaultValue = "closed,open",
            description = "Load models of the serve run, in order: closed (each client waits for its answer), open (a flood paced by the acknowledgements) (default: ${DEFAULT-VALUE}).")
    List<ServeBenchmark.Model> serveModels;

    @Option(names = "--serve-jar", split = ",", description = "Serve these jars in turn on the same store instead of this one (an A/B of builds under one load generator).")
    List<Path> serveJars = List.of();

    @Option(names = "--http-detail", description = "Also print each sandbox sync's requests per endpoint and source step times.")
    boolean httpDetail;

    @Option(names = "--only", split = ",", paramLabel = "PART",
            description = "Run only these parts: ${COMPLETION-CANDIDATES} (default: all). E.g. --only http,incremental.")
    Set<Part> only;

    @Option(names = "--work-dir", description = "Where to build the stores (default: a temp dir, deleted after). A kept directory is left in place, and a later serve run of the same --docs reuses its store.")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Set<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(only);
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("nightjar-bench");
        try {
            out.printf("Nightjar benchmark (%s): JVM %s, %d cores, max heap %d MiB%n", parts, Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            IndexBenchmark.Result r = null;
            if (parts.contains(Part.index)) {
                out.printf("Index and query: %,d documents, %d queries%n", docs, queries);
                r = new IndexBenchmark(dir, docs, queries, !skipBefore).run(out);
            }
            SyncBenchmark.Result sync = null;
            if (parts.contains(Part.http) || parts.contains(Part.incremental)) {
                out.println("Sandbox syncs (all five sources, loopback servers):");
                sync = new SyncBenchmark(dir.resolve("sandbox"), Math.max(1, syncRounds), Clock.systemUTC(), httpDetail,
                        Sleeper.real()).run(out);
            }
            StartupBenchmark.Result s = null;
            if (parts.contains(Part.startup) && startupRuns > 0) s = startup(dir, sync != null, out);
            ServeBenchmark.Result serve = null;
            if (parts.contains(Part.serve)) {
                out.printf("Serve under load: %,d documents%n", docs);
                serve = new ServeBenchmark(dir, docs, serveRequests, serveConcurrency, serveModels, serveJars, serveWarmUp).run(out);
            }
            out.println();
            if (parts.stream().anyMatch(p -> p != Part.serve)) out.print(BenchReport.markdown(r, s, sync));
            if (serve != null) out.print(serve.markdown());
            out.flush();
            return 0;
        } finally {
            if (workDir == null) deleteTree(dir);
        }
    }

    /** Figure 6 on the demo store: the sandbox part's store, or a fresh sandbox sync (without pacing waits). */
    private StartupBenchmark.Result startup(Path dir, boolean sandboxSynced, PrintWriter out) throws Exception {
        Path launcher = StartupBenchmark.findLauncher();
        Path jar = launcher == null ? null : launcher.resolveSibling("target/nightjar.jar");
        Path appJar = launcher == null ? null : launcher.resolveSibling("target/app/nightjar.jar");
        if (launcher == null || !Files.isRegularFile(appJar)) {
            out.println("start-up skipped: run the benchmark from a checkout's target/nightjar.jar after `./build` (it times ./nightjar)");
            return null;
        }
        Path store = dir.resolve("sandbox");
        if (!sandboxSynced) {
            out.println("Start-up: syncing the sandbox company into a demo store...");
            try (SandboxSync seed = new SandboxSync(store, Clock.systemUTC(), duration -> { })) {
                seed.sync(false);
            }
        }
        out.printf("Start-up: %d cold runs of each command, interleaved...%n", startupRuns);
        out.flush();
        return new StartupBenchmark(launcher, jar, appJar, store, startupRuns).run();
    }

    /** Deletes {@code dir} and everything under it (best effort: a file that cannot be deleted stays). */
    public static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
