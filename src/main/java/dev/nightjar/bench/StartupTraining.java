package dev.nightjar.bench;

import dev.nightjar.cli.Main;
import dev.nightjar.config.Environment;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The workload `./build` records the CLI's class-data (AOT) cache from: what a person runs from a
 * terminal ({@code status}, {@code ask}, {@code brief}, text and JSON) on a store of the sandbox company.
 * Two steps, each its own JVM, so that the cache holds what those commands load and not the sync's
 * Spring Batch, servers and connectors:
 * <pre>
 *   java -cp APP dev.nightjar.bench.StartupTraining seed DIR     # sandbox sync into DIR (not recorded)
 *   java -XX:AOTCacheOutput=… -cp APP dev.nightjar.bench.StartupTraining run DIR   # recorded
 * </pre>
 * Exit code 0 when every command succeeded; otherwise 1 with the failing command on stderr (the build
 * then goes on without a cache).
 */
public final class StartupTraining {

    /** The commands recorded; the question and the team are the demo's. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("status"),
            List.of("status", "--format", "json"),
            List.of("ask", "Where do we stand on the neural reranker launch?"),
            List.of("ask", "What is blocking RNK-134?", "--format", "json"),
            List.of("brief", "--team", "RNK"),
            List.of("brief", "--team", "RNK", "--format", "json"),
            List.of("--version"));

    private StartupTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("seed", "run").contains(args[0])) {
            System.err.println("usage: StartupTraining seed|run DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        if (args[0].equals("seed")) {
            // no pacing waits: the seed only needs the data, not a faithful night
            try (SandboxSync sync = new SandboxSync(dir, Clock.systemUTC(), duration -> { })) {
                sync.sync(false);
            }
            System.exit(0);
        }
        System.exit(run(dir));
    }

    /** Runs {@link #COMMANDS} on the seeded store through the same entry point as the jar; 0 when all succeed. */
    static int run(Path dir) {
        Main.installLogging();
        PrintWriter out = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        for (List<String> command : COMMANDS) {
            StringWriter errText = new StringWriter();
            String[] args = concat(List.of("--data-dir", dir.resolve("data").toString(), "--config-dir", dir.resolve("config").toString()),
                    command);
            int code = dev.nightjar.cli.Cli.execute(Environment.system(), Clock.systemUTC(), out, new PrintWriter(errText), args);
            if (code != 0) {
                System.err.println("startup training: `nightjar " + String.join(" ", command) + "` exited " + code + ": " + errText.toString().trim());
                return 1;
            }
        }
        return 0;
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
