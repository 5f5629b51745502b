package dev.nightjar.cli;

import dev.nightjar.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reindex", description = "Rebuild the Lucene index from the store (the index is derived data).")
final class ReindexCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Workspace ws = cli.openWorkspaceToWrite()) {
            long start = System.nanoTime();
            int count = ws.index().rebuild(ws.documents());
            spec.commandLine().getOut().printf("Reindexed %d documents in %d ms.%n", count, (System.nanoTime() - start) / 1_000_000);
            return Cli.OK;
        }
    }
}
