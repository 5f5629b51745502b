package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.config.Environment;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a newcomer types first: help for every command, usage on a bare or unknown command, options anywhere. */
class CommandLineUsageTest {

    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);

    /** Every command path below `nightjar`, e.g. [status], [canonical, mark]: taken from the real tree, so a new command is covered. */
    static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Cli.commandLine(new Cli(Environment.of(Map.of()), Clock.systemUTC(), Map.of())), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine c, List<String> prefix, List<List<String>> out) {
        c.getSubcommands().forEach((name, sub) -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(name);
            out.add(path);
            collect(sub, path, out);
        });
    }

    private CliRunner.Result run(String... args) {
        return CliRunner.run(null, null, clock, Map.of(), args);
    }

    @Test
    void everyCommandAnswersHelpDashHAndHelpCommand() {
        // picocli reports a description it cannot format (a bare %) on System.err itself, outside the command's writers
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream direct = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(direct, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            everyCommandsHelp();
        } finally {
            System.setErr(stderr);
        }
        assertThat(direct.toString(java.nio.charset.StandardCharsets.UTF_8)).as("printed on System.err by picocli").doesNotContain("picocli");
    }

    private void everyCommandsHelp() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).extracting(p -> String.join(" ", p))
                .contains("demo", "sync", "ask", "brief", "status", "serve", "reindex", "canonical mark", "canonical list", "scratchpad add");
        for (List<String> path : paths) {
            String name = "nightjar " + String.join(" ", path);
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRunner.Result r = run(args.toArray(String[]::new));
                assertThat(r.exit()).as(name + " " + flag + ": " + r.err()).isZero();
                assertThat(r.out()).as(name + " " + flag).startsWith("Usage: " + name);
                assertThat(r.err()).as(name + " " + flag).isEmpty();
            }
            List<String> args = new ArrayList<>(List.of("help"));
            args.addAll(path);
            CliRunner.Result r = run(args.toArray(String[]::new));
            assertThat(r.exit()).as("nightjar help " + String.join(" ", path) + ": " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: " + name);
        }
    }

    @Test
    void aCommandLineBuildsOnlyTheCommandItNamesAndHelpOrATypoBuildsThemAll() {
        assertThat(Cli.commandsFor("--data-dir", "ask", "ask", "where do we stand?")).containsExactly(AskCommand.class);
        assertThat(Cli.commandsFor("--debug", "--config-dir=conf", "canonical", "list")).containsExactly(CanonicalCommand.class);
        assertThat(Cli.commandsFor("help", "ask")).isEqualTo(Cli.COMMANDS);
        assertThat(Cli.commandsFor("satus")).isEqualTo(Cli.COMMANDS);
        assertThat(Cli.commandsFor("--help")).isEqualTo(Cli.COMMANDS);
        // the one built answers as it did with all of them: its help, and the global options after it
        CliRunner.Result help = run("ask", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("Usage: nightjar ask");
    }

    @Test
    void bareNightjarPrintsTheUsageAsAUsageError() {
        CliRunner.Result r = run();
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err()).startsWith("Usage: nightjar").contains("Commands:").contains("sync").contains("Exit codes:")
                .doesNotContain("Missing required subcommand");
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOneAndTheUsage() {
        CliRunner.Result r = run("satus");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("nightjar: unknown command 'satus' (did you mean status");
        assertThat(r.err()).contains("Usage: nightjar").doesNotContain("Unmatched argument");

        CliRunner.Result group = run("canonical");
        assertThat(group.exit()).isEqualTo(Cli.USAGE);
        assertThat(group.err()).startsWith("nightjar: `nightjar canonical` needs a command: mark, unmark, list")
                .contains("Usage: nightjar canonical");

        CliRunner.Result help = run("help", "canonical", "frob");
        assertThat(help.exit()).isEqualTo(Cli.USAGE);
        assertThat(help.err().strip()).isEqualTo("nightjar: unknown command 'canonical frob' (see `nightjar help`)");
    }

    @Test
    void aUsageErrorPointsAtHelpThatWorks() {
        CliRunner.Result r = run("ask");
        assertThat(r.exit()).isEqualTo(Cli.USAGE);
        assertThat(r.err().strip()).isEqualTo("nightjar: Missing required parameter: 'QUESTION' (see `nightjar ask --help`)");
        assertThat(run("ask", "--help").exit()).isZero();
    }

    @Test
    void serveListensOnLoopbackUnlessToldOtherwise() {
        assertThat(ServeCommand.bindAddress(null, Environment.of(Map.of()))).isEqualTo("127.0.0.1");
        assertThat(ServeCommand.bindAddress(null, Environment.of(Map.of("NIGHTJAR_BIND", "0.0.0.0")))).isEqualTo("0.0.0.0");
        assertThat(ServeCommand.bindAddress("::1", Environment.of(Map.of("NIGHTJAR_BIND", "0.0.0.0")))).isEqualTo("::1");
        assertThat(run("serve", "--help").out()).contains("--bind=ADDRESS").contains("127.0.0.1");
    }

    @Test
    void globalOptionsWorkAfterTheCommandToo() throws Exception {
        TempWorkspace.open(tmp).close(); // a store in data/ to reindex
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run(null, null, clock, Map.of(), "reindex", "--data-dir", data.toString()).exit()).isZero();
        CliRunner.Result after = run("status", "--format", "json", "--data-dir", data.toString());
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains(data.toAbsolutePath().toString());
        CliRunner.Result before = run("--data-dir", data.toString(), "status", "--format", "json");
        assertThat(before.out()).isEqualTo(after.out());
        Path config = Files.createDirectories(tmp.resolve("cfg/index"));
        Files.writeString(config.resolve("truth.yml"), "rulez: []\n");
        CliRunner.Result nested = run("canonical", "list", "--data-dir", data.toString(), "--config-dir", tmp.resolve("cfg").toString());
        assertThat(nested.exit()).isEqualTo(Cli.USAGE);
        assertThat(nested.err()).contains("truth.yml").contains("unknown key 'rulez'");
    }
}
