package dev.nightjar.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Help and usage errors for every command: {@code --help}/{@code -h} on each subcommand (added here
 * rather than per class, so a command added later cannot miss it), an unknown command named with the
 * nearest known ones and the usage, and every other usage error as one line pointing at help that works.
 */
final class CommandHelp {

    private CommandHelp() {
    }

    /** Adds the standard help options to {@code cmd} and every subcommand below it. */
    static void install(CommandLine cmd) {
        cmd.getCommandSpec().mixinStandardHelpOptions(true);
        for (CommandLine sub : cmd.getSubcommands().values()) install(sub);
    }

    /** Prints a usage error on {@code err}; returns {@link Cli#USAGE}. */
    static int usageError(ParameterException ex, PrintWriter err) {
        CommandLine c = ex.getCommandLine();
        String path = path(c);
        if (!c.getSubcommands().isEmpty() && ex instanceof UnmatchedArgumentException u && isCommandWord(u)) {
            List<String> near = u.getSuggestions().stream().limit(2).toList();
            err.println("nightjar: unknown command '" + (path + " " + u.getUnmatched().get(0)).substring("nightjar ".length()) + "'"
                    + (near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)"));
            c.usage(err);
        } else if (!c.getSubcommands().isEmpty() && String.valueOf(ex.getMessage()).startsWith("Missing required subcommand")) {
            err.println("nightjar: `" + path + "` needs a command: " + String.join(", ", c.getSubcommands().keySet()));
            c.usage(err);
        } else {
            err.println("nightjar: " + ex.getMessage() + " (see `" + path + " --help`)");
        }
        err.flush();
        return Cli.USAGE;
    }

    private static boolean isCommandWord(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        return !unmatched.isEmpty() && !unmatched.get(0).startsWith("-");
    }

    /** {@code nightjar canonical mark} */
    static String path(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine p = c; p != null; p = p.getParent()) sb.insert(0, p.getCommandName() + " ");
        return sb.toString().trim();
    }
}
