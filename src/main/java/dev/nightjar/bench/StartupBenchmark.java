package dev.nightjar.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figure 6: cold start of `nightjar status` (a new JVM each time, median of N) against the same JVM
 * printing `--version` (JVM + jar + picocli, no store), run side by side.
 */
final class StartupBenchmark {

    record Result(double statusMedianMs, double versionMedianMs, int runs) {
    }

    private final Path dataDir;
    private final int runs;

    StartupBenchmark(Path dataDir, int runs) {
        this.dataDir = dataDir;
        this.runs = runs;
    }

    Result run() throws IOException, InterruptedException {
        double[] status = new double[runs], version = new double[runs];
        for (int i = 0; i < runs; i++) {
            version[i] = time("--version");
            status[i] = time("--data-dir", dataDir.toString(), "status");
        }
        Arrays.sort(status);
        Arrays.sort(version);
        return new Result(status[runs / 2], version[runs / 2], runs);
    }

    private static double time(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "dev.nightjar.cli.Main"));
        }
        command.addAll(List.of(args));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t) / 1e6;
        if (code != 0) throw new IllegalStateException("`nightjar " + String.join(" ", args) + "` exited " + code);
        return ms;
    }
}
