package dev.nightjar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figure 6: cold start of the commands a person types ({@code status}, {@code ask}, {@code brief}) on
 * the demo store, a new JVM each time, median of N:
 * <ul>
 *   <li><b>launcher</b>: {@code ./nightjar ...} as a user runs it (extracted jar, start-up cache, CLI JVM flags);</li>
 *   <li><b>plain jar</b>: {@code java -jar target/nightjar.jar ...}, what the launcher ran before (the "before" figure);</li>
 *   <li><b>bare query</b>: a JVM that opens the same Lucene index and runs one query ({@link BareQuery}), the floor.</li>
 * </ul>
 * All variants run in turn within each round (interleaved), so a busy machine slows them alike.
 */
final class StartupBenchmark {

    /** Medians in milliseconds, by command ("status", "ask", "brief", "--version") and variant. */
    record Result(Map<String, Double> launcherMs, Map<String, Double> plainJarMs, double bareQueryMs, int runs) {
    }

    static final String QUESTION = "where do we stand on search relevance?";

    private final Path launcher;
    private final Path jar;
    private final Path appJar;
    private final Path storeRoot;
    private final int runs;

    /**
     * @param launcher  the repository's {@code nightjar} script
     * @param jar       target/nightjar.jar
     * @param appJar    target/app/nightjar.jar (the extracted jar the bare query runs from)
     * @param storeRoot a sandbox store: {@code data/} and {@code config/} (see {@link SandboxSync})
     */
    StartupBenchmark(Path launcher, Path jar, Path appJar, Path storeRoot, int runs) {
        this.launcher = launcher;
        this.jar = jar;
        this.appJar = appJar;
        this.storeRoot = storeRoot;
        this.runs = runs;
    }

    /** The launcher next to the jar's target folder, when this JVM runs from target/nightjar.jar of a checkout. */
    static Path findLauncher() {
        Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        Path launcher = jar.getParent() == null || jar.getParent().getParent() == null ? null : jar.getParent().getParent().resolve("nightjar");
        return launcher != null && Files.isExecutable(launcher) ? launcher : null;
    }

    Result run() throws IOException, InterruptedException {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        List<String> store = List.of("--data-dir", storeRoot.resolve("data").toString(), "--config-dir", storeRoot.resolve("config").toString());
        commands.put("status", concat(store, List.of("status")));
        commands.put("ask", concat(store, List.of("ask", QUESTION)));
        commands.put("brief", concat(store, List.of("brief", "--team", "RNK")));
        commands.put("--version", List.of("--version"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, double[]> viaLauncher = new LinkedHashMap<>(), viaJar = new LinkedHashMap<>();
        commands.keySet().forEach(c -> {
            viaLauncher.put(c, new double[runs]);
            viaJar.put(c, new double[runs]);
        });
        double[] bare = new double[runs];
        List<String> bareCommand = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", appJar.toString(), BareQuery.class.getName(),
                storeRoot.resolve("data").resolve("index").toString(), QUESTION);
        time(concat(List.of(launcher.toString()), List.of("--version"))); // let the launcher prepare target/app if it must
        for (int i = 0; i < runs; i++) {
            bare[i] = time(bareCommand);
            for (var c : commands.entrySet()) {
                viaLauncher.get(c.getKey())[i] = time(concat(List.of(launcher.toString()), c.getValue()));
                viaJar.get(c.getKey())[i] = time(concat(List.of(java, "-jar", jar.toString()), c.getValue()));
            }
        }
        Map<String, Double> l = new LinkedHashMap<>(), j = new LinkedHashMap<>();
        viaLauncher.forEach((c, ms) -> l.put(c, median(ms)));
        viaJar.forEach((c, ms) -> j.put(c, median(ms)));
        return new Result(l, j, median(bare), runs);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double time(List<String> command) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t) / 1e6;
        if (code != 0) throw new IllegalStateException("`" + String.join(" ", command) + "` exited " + code);
        return ms;
    }
}
