package dev.nightjar.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `nightjar bench`: the performance figures of BENCHMARKS.md, each as a ratio against a baseline run
 * in the same process on the same data, plus the absolute numbers. Not part of the test suite.
 */
@Command(name = "bench", description = "Measure indexing, query latency, memory and start-up against raw baselines (see BENCHMARKS.md).")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--docs", defaultValue = "100000", description = "Synthetic ~1 KB documents (default: ${DEFAULT-VALUE}; try 1000000).")
    int docs;

    @Option(names = "--queries", defaultValue = "200", description = "Distinct queries for the latency figure (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--startup-runs", defaultValue = "5", description = "Cold starts per command for the start-up figure (0 skips it).")
    int startupRuns;

    @Option(names = "--work-dir", description = "Where to build the throw-away stores (default: a temp dir, deleted after).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("nightjar-bench");
        try {
            out.printf("Nightjar benchmark: %,d documents, %d queries, JVM %s, %d cores, max heap %d MiB%n", docs, queries,
                    Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            IndexBenchmark.Result r = new IndexBenchmark(dir, docs, queries).run(out);
            StartupBenchmark.Result s = startupRuns > 0 ? new StartupBenchmark(dir.resolve("ours/data"), startupRuns).run() : null;
            out.println();
            out.print(BenchReport.markdown(r, s));
            out.flush();
            return 0;
        } finally {
            if (workDir == null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
