package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.jobs.SyncRunner;
import dev.nightjar.store.Database;
import dev.nightjar.truth.RefusedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The `nightjar` command line. Exit codes are part of the contract: 0 success, 1 the work failed,
 * 2 usage or configuration error, 3 refused, 4 not started because another sync is running. One line
 * on stderr per error; a stack trace only with {@code --debug}. Every command takes {@code --help}
 * ({@code -h}, {@code nightjar help COMMAND}), and the global options may come before or after it.
 */
@Command(name = "nightjar", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Knowledge coordinator: nightly sync of Linear, GitHub, W&B, Notion and Slack into a cited ground-truth store.",
        footer = {"", "Exit codes: 0 success, 1 the work failed, 2 usage or configuration error, 3 refused (not an admin),",
                "4 not started (another sync is running). `nightjar help COMMAND` or `nightjar COMMAND --help` for details."})
public final class Cli implements Callable<Integer> {

    /**
     * Every command, in the order `nightjar --help` lists them. Not in the {@code @Command} annotation:
     * picocli builds the model of every listed subcommand by reflection before it parses, a tenth of a
     * cold `ask` (JFR samples); {@link #commandsFor} adds only the one a command line names.
     */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, SyncCommand.class, AskCommand.class, BriefCommand.class,
            PrepCommand.class, ScratchpadCommand.class, CanonicalCommand.class, ShowCommand.class, StatusCommand.class,
            ReindexCommand.class, ServeCommand.class, MigrateCommand.class, dev.nightjar.bench.BenchCommand.class,
            dev.nightjar.eval.EvalCommand.class, HelpCommand.class);

    /** The root's options that take a value; the command word is the first other word. */
    private static final Set<String> VALUED_OPTIONS = Set.of("--config-dir", "--data-dir");

    /** Exit codes (README "Exit codes"). BUSY: a refused start is not a failure of the work. */
    public static final int OK = 0, FAILED = 1, USAGE = 2, REFUSED = 3, BUSY = 4;

    // INHERIT: `nightjar demo --data-dir X` works as well as `nightjar --data-dir X demo`
    @Option(names = "--config-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Folder with jobs/, connectors/, index/, prompts/ (default: working directory).")
    Path configDir;

    @Option(names = "--data-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where the store and index live (default: $NIGHTJAR_DATA or ./data).")
    Path dataDir;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Spec
    CommandSpec spec;

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
        CommandLine cmd = commandLine(cli, args);
        cmd.setOut(out);
        cmd.setErr(err);
        CommandHelp.install(cmd);
        cmd.setParameterExceptionHandler((ex, a) -> CommandHelp.usageError(ex, err));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = exitCode(ex);
            String prefix = "nightjar: " + (code == REFUSED ? "refused: " : code == BUSY ? "not started: " : "");
            message(ex).lines().forEach(line -> err.println(prefix + line)); // one line per problem
            if (cli.debug) ex.printStackTrace(err);
            err.flush();
            return code;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The picocli tree for {@code args}: the root and the commands {@link #commandsFor} picks (all for no args). */
    static CommandLine commandLine(Cli cli, String... args) {
        CommandLine cmd = new CommandLine(cli);
        for (Class<?> command : commandsFor(args)) cmd.addSubcommand(command);
        return cmd;
    }

    /**
     * The commands a command line needs: only the one it names, or all of them when it names none, an
     * unknown one or `help` (the usage lists them all, and a typo gets "did you mean").
     */
    static List<Class<?>> commandsFor(String... args) {
        boolean skipValue = false;
        for (String arg : args) {
            if (skipValue) {
                skipValue = false;
            } else if (VALUED_OPTIONS.contains(arg)) {
                skipValue = true;
            } else if (!arg.startsWith("-")) {
                return COMMANDS.stream().filter(c -> !c.equals(HelpCommand.class) && nameOf(c).equals(arg)).findFirst()
                        .<List<Class<?>>>map(List::of).orElse(COMMANDS);
            }
        }
        return COMMANDS;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Bare `nightjar`: the usage, as a usage error (a script that forgot its command should not pass). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof SyncRunner.AlreadyRunningException) return BUSY;
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
        if (ex instanceof ConfigException || ex instanceof RefusedException || ex instanceof ConnectorException
                || ex instanceof SyncRunner.AlreadyRunningException) return ex.getMessage();
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return "failed: " + msg + " (run with --debug for details)";
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

    /**
     * The workspace of a command that only reads (status, ask, brief, canonical list, …): the store
     * must exist (a mistyped --data-dir is an error, not a new empty store), and this process opens
     * no database server of its own.
     */
    Workspace openWorkspace() {
        return openWorkspace(false);
    }

    /** As {@link #openWorkspace()} for a command that searches the index (ask, prep): it opens beside the configuration check. */
    Workspace openWorkspaceToSearch() {
        return openWorkspace(true);
    }

    private Workspace openWorkspace(boolean searches) {
        Path data = existingStore();
        ConfigDir config = configDir();
        // Parsing every configuration file (ConfigCheck) is Jackson's first use of each settings type, about
        // a tenth of a cold `ask` in JFR samples; it runs on the second core while this thread opens the
        // store (and the index, for a command that searches), and the command starts only once it has passed. A broken file is reported
        // before any other error, as when the check ran first.
        FutureTask<List<String>> check = new FutureTask<>(() -> ConfigCheck.problems(config));
        Thread checker = new Thread(check, "nightjar-config-check");
        checker.setDaemon(true);
        checker.start();
        Workspace ws;
        try {
            ws = Workspace.forReading(data, config, env, clock);
            if (searches) ws.index(); // brief, show and canonical list never open it
        } catch (RuntimeException e) {
            ConfigCheck.requireNone(problems(check));
            throw e;
        }
        try {
            ConfigCheck.requireNone(problems(check));
        } catch (ConfigException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    private static List<String> problems(FutureTask<List<String>> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while checking the configuration");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** As {@link #openWorkspace()} for `status`, which reads no configuration (so a broken file cannot hide the store's state). */
    Workspace openStoreOnly() {
        return new Workspace(existingStore(), configDir(), env, clock, Database.Sharing.JOIN);
    }

    /**
     * The data dir, when it holds a store; an external database ({@code NIGHTJAR_DB_URL}) is taken to exist.
     *
     * @throws ConfigException naming the directory, so a mistyped --data-dir is obvious
     */
    private Path existingStore() {
        Path data = resolvedDataDir();
        if (env.find("NIGHTJAR_DB_URL").isEmpty() && !java.nio.file.Files.isRegularFile(data.resolve("nightjar.mv.db"))) {
            throw new ConfigException("no Nightjar store in " + data.toAbsolutePath().normalize()
                    + " (check --data-dir / NIGHTJAR_DATA; `nightjar sync` or `nightjar demo --data-dir DIR` creates one)");
        }
        return data;
    }

    /**
     * A short command that writes into the store (reindex, scratchpad add, canonical mark/unmark, migrate): each
     * works on what a sync stored, so, as for a read, the store must exist and a mistyped --data-dir creates nothing.
     */
    Workspace openWorkspaceToWrite() {
        Path data = existingStore();
        return new Workspace(data, checkedConfig(), env, clock, Database.Sharing.JOIN);
    }

    /**
     * A long-running command (sync, serve): creates the store on first use (a new installation starts with either)
     * and lets short commands in meanwhile.
     */
    Workspace openWorkspaceToServe() {
        return new Workspace(resolvedDataDir(), checkedConfig(), env, clock, Database.Sharing.SERVER);
    }

    /** The config dir, every file of it parsed first, so a broken one is reported by any command that reads config. */
    ConfigDir checkedConfig() {
        ConfigDir config = configDir();
        ConfigCheck.requireValid(config);
        return config;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"nightjar " + (v == null ? "dev" : v)};
        }
    }
}
