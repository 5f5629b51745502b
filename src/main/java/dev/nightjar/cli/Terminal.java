package dev.nightjar.cli;

import dev.nightjar.jobs.PipelineProgress;
import java.io.Console;
import java.io.PrintWriter;

/** Whether output goes to a person at a terminal, and the progress display that suits it. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True on an interactive terminal. From JDK 22 {@code System.console()} is non-null even when the
     * streams are redirected, and {@code Console.isTerminal()} tells; on JDK 21 (which lacks it) a
     * console exists only on a terminal.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Live per-source progress on a terminal, plain lines otherwise; none when the output is JSON. */
    static PipelineProgress progress(PrintWriter err, boolean machineOutput) {
        if (machineOutput) return PipelineProgress.silent();
        return interactive() ? PipelineProgress.to(err) : PipelineProgress.lines(err);
    }
}
