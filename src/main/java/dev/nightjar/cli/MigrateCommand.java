package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.store.Database;
import dev.nightjar.store.DatabaseSettings;
import dev.nightjar.store.StoreMigration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "migrate", description = "Copy an embedded store (the H2 file of a data dir) into the database of NIGHTJAR_DB_URL; "
        + "verified by counting every table.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--from-h2", required = true, paramLabel = "DIR", description = "The data dir holding nightjar.mv.db.")
    Path fromH2;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(fromH2.resolve("nightjar.mv.db"))) {
            throw new ConfigException(fromH2.toAbsolutePath() + " holds no embedded store (nightjar.mv.db)");
        }
        // the target first: without one this would only create an empty embedded store
        if (!DatabaseSettings.resolve(cli.env, cli.checkedConfig()).external()) {
            throw new ConfigException("set " + DatabaseSettings.URL_VAR + " (and " + DatabaseSettings.USER_VAR + ", "
                    + DatabaseSettings.PASSWORD_VAR + ") to the database to migrate into");
        }
        try (Workspace ws = cli.openWorkspaceToWrite()) {
            List<StoreMigration.TableCount> counts;
            try (Database h2 = Database.open(fromH2)) {
                counts = new StoreMigration(h2, ws.database()).copy();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %10s %10s%n", "table", "h2", "target");
            counts.forEach(c -> out.printf("%-24s %10d %10d%s%n", c.table(), c.source(), c.target(), c.matches() ? "" : "  MISMATCH"));
            List<String> wrong = counts.stream().filter(c -> !c.matches()).map(StoreMigration.TableCount::table).toList();
            if (!wrong.isEmpty()) {
                spec.commandLine().getErr().println("migrate failed: row counts differ in " + String.join(", ", wrong));
                return Cli.FAILED;
            }
            int indexed = ws.index().rebuild(ws.documents());
            out.printf("Migrated %d tables; every count matches. This node's index now holds %d documents.%n", counts.size(), indexed);
            return Cli.OK;
        }
    }
}
