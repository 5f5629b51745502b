package dev.nightjar.cli;

import dev.nightjar.config.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured output, as a user would run it. */
public final class CliRunner {

    public record Result(int exit, String out, String err) {
    }

    private CliRunner() {
    }

    public static Result run(Path configDir, Path dataDir, Clock clock, Map<String, String> env, String... args) {
        return run(configDir, dataDir, clock, env, Map.of(), args);
    }

    public static Result run(Path configDir, Path dataDir, Clock clock, Map<String, String> env, Map<String, Object> beans, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        List<String> all = new ArrayList<>();
        if (configDir != null) all.addAll(List.of("--config-dir", configDir.toString()));
        if (dataDir != null) all.addAll(List.of("--data-dir", dataDir.toString()));
        all.addAll(List.of(args));
        int code = Cli.execute(Environment.of(env), clock, beans, new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
