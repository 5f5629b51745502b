package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.truth.RefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The `nightjar` command line. Exit codes are part of the contract: 0 success, 1 the work failed,
 * 2 usage or configuration error, 3 refused. One line on stderr per error; a stack trace only with
 * {@code --debug}.
 */
@Command(name = "nightjar", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Knowledge coordinator: nightly sync of Linear, GitHub, W&B, Notion and Slack into a cited ground-truth store.",
        subcommands = {DemoCommand.class, SyncCommand.class, AskCommand.class, BriefCommand.class, ScratchpadCommand.class,
                CanonicalCommand.class, StatusCommand.class, ReindexCommand.class, ServeCommand.class, dev.nightjar.bench.BenchCommand.class,
                dev.nightjar.eval.EvalCommand.class})
public final class Cli {

    public static final int OK = 0, FAILED = 1, USAGE = 2, REFUSED = 3;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Folder with jobs/, connectors/, index/, prompts/ (default: working directory).")
    Path configDir;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the store and index live (default: $NIGHTJAR_DATA or ./data).")
    Path dataDir;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    final Environment env;
    final Clock clock;
    private final Map<String, Object> extraBeans;

    public Cli(Environment env, Clock clock, Map<String, Object> extraBeans) {
        this.env = env;
        this.clock = clock;
        this.extraBeans = extraBeans;
    }

    /** Runs one command line; never calls System.exit. */
    public static int execute(Environment env, Clock clock, PrintWriter out, PrintWriter err, String... args) {
        return execute(env, clock, Map.of(), out, err, args);
    }

    /**
     * As above, with extra beans for the Spring context of `sync`/`serve`/`demo` (tests pass a
     * ConnectorContext whose sleeper does not really wait).
     */
    public static int execute(Environment env, Clock clock, Map<String, Object> extraBeans, PrintWriter out, PrintWriter err,
                              String... args) {
        Cli cli = new Cli(env, clock, extraBeans);
        CommandLine cmd = new CommandLine(cli);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler((ex, a) -> {
            String path = commandPath(ex.getCommandLine());
            err.println("nightjar: " + ex.getMessage() + " (see `nightjar " + (path.isEmpty() ? "" : path + " ") + "--help`)");
            err.flush();
            return USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCode(ex);
            err.println("nightjar: " + (code == REFUSED ? "refused: " : "") + message(ex));
            if (cli.debug) ex.printStackTrace(err);
            err.flush();
            return code;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof ConfigException) return USAGE;
        if (ex instanceof RefusedException) return REFUSED;
        if (ex instanceof org.springframework.beans.factory.BeanCreationException && ex.getCause() != null) return exitCode(rootCause(ex));
        return FAILED;
    }

    /** Spring wraps our ConfigExceptions in BeanCreationExceptions; the user wants ours. */
    static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof ConfigException) && !(t instanceof RefusedException)) t = t.getCause();
        return t;
    }

    private static String message(Throwable ex) {
        if (ex instanceof org.springframework.beans.factory.BeanCreationException) ex = rootCause(ex);
        if (ex instanceof ConfigException || ex instanceof RefusedException || ex instanceof ConnectorException) return ex.getMessage();
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return "failed: " + msg + " (run with --debug for details)";
    }

    private static String commandPath(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine p = c; p != null && p.getParent() != null; p = p.getParent()) sb.insert(0, p.getCommandName() + " ");
        return sb.toString().trim();
    }

    Path resolvedDataDir() {
        if (dataDir != null) return dataDir;
        return env.find("NIGHTJAR_DATA").map(Path::of).orElse(Path.of("data"));
    }

    ConfigDir configDir() {
        Path dir = configDir != null ? configDir : Path.of("");
        if (configDir != null && !dir.toFile().isDirectory()) {
            throw new ConfigException("config dir " + dir.toAbsolutePath() + " does not exist");
        }
        return new ConfigDir(dir);
    }

    Map<String, Object> extraBeans() {
        return extraBeans;
    }

    Workspace openWorkspace() {
        return new Workspace(resolvedDataDir(), configDir(), env, clock);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"nightjar " + (v == null ? "dev" : v)};
        }
    }
}
