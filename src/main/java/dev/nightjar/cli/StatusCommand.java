package dev.nightjar.cli;

import dev.nightjar.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Last runs, cursors, document counts by source, kind and truth level, index size.")
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Override
    public Integer call() {
        try (Workspace ws = cli.openStoreOnly()) {
            var status = StatusReport.build(ws);
            spec.commandLine().getOut().print(format == Output.Format.json ? Output.json(status) + "\n" : StatusReport.text(status, ws.clock().instant()));
            return Cli.OK;
        }
    }
}
