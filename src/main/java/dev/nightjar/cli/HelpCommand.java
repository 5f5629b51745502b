package dev.nightjar.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/**
 * {@code nightjar help [COMMAND...]}: the usage of any command, nested ones included
 * ({@code nightjar help canonical mark}); picocli's own help command stops at the first level.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of a command, e.g. `nightjar help canonical mark`.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        CommandLine c = self.getParent();
        for (String word : path) {
            CommandLine sub = c.getSubcommands().get(word);
            if (sub == null) {
                err.println("nightjar: unknown command '" + (CommandHelp.path(c) + " " + word).substring("nightjar ".length())
                        + "' (see `nightjar help`)");
                err.flush();
                return Cli.USAGE;
            }
            c = sub;
        }
        c.usage(out, colors);
        out.flush();
        return Cli.OK;
    }
}
