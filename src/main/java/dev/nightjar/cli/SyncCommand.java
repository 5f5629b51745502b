package dev.nightjar.cli;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorRegistry;
import dev.nightjar.jobs.NightlySettings;
import dev.nightjar.jobs.PipelineProgress;
import dev.nightjar.jobs.SyncRunner;
import dev.nightjar.store.RunStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "sync", description = "Run the nightly job once, now: pull the sources, update the store, index and truth levels.",
        footer = {"", "Exit codes: 0 done, 1 a source failed (stderr names it), 2 configuration (every missing token variable is listed),",
                "4 not started: another sync is running (nothing was read or written)."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "NAME", description = "Only this source (repeatable; default: sources in jobs/nightly.yml).")
    List<String> sources = new ArrayList<>();

    @Option(names = "--full", description = "Ignore cursors: read everything again (finds deletions too).")
    boolean full;

    @Option(names = "--format", defaultValue = "text",
            description = "text (a table; progress on stderr) or json (the run as in `status --format json`, nothing else).")
    Output.Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DemoSandbox.requireRunning(cli.configDir(), cli.resolvedDataDir());
        SyncRunner.Request request = new SyncRunner.Request(sources, full);
        requireRunnable(request);
        PipelineProgress progress = Terminal.progress(err, format == Output.Format.json);
        try (Workspace ws = cli.openWorkspaceToServe();
             ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SYNC, cli.extraBeans(), Map.of())) {
            SyncRunner.Result result = spring.getBean(SyncRunner.class).run(request, progress);
            out.print(format == Output.Format.json ? Output.json(StatusReport.run(result.run())) + "\n" : summary(result));
            out.flush();
            if (!result.succeeded()) {
                err.println("nightjar: sync failed: " + result.message());
                return Cli.FAILED;
            }
            return Cli.OK;
        }
    }

    /**
     * Every configuration problem of the run (files, token variables, sources) before the store is opened: a sync
     * that cannot start must not leave a new, empty data dir behind. The run checks the same again when it starts.
     */
    private void requireRunnable(SyncRunner.Request request) {
        ConfigDir config = cli.checkedConfig();
        // the context the run will use (tests hand one in), else the production one over this process's environment
        ConnectorContext context = cli.extraBeans().values().stream().filter(ConnectorContext.class::isInstance)
                .map(ConnectorContext.class::cast).findFirst().orElseGet(() -> ConnectorContext.production(cli.env));
        SyncRunner.connectors(config, NightlySettings.load(config).sources(), request, ConnectorRegistry.builtIn(), context);
    }

    static String summary(SyncRunner.Result result) {
        RunStore.Run run = result.run();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Run #%d %s%s%s%n", run.id(), run.status(), run.full() ? " (full)" : "",
                result.resumed() ? " (resumed an interrupted run)" : ""));
        sb.append(String.format("  %-8s %-9s %6s %8s %10s %8s %8s %10s %9s %8s %8s%n", "source", "status", "new", "changed", "unchanged",
                "deleted", "skipped", "unreadable", "requests", "retries", "time"));
        for (RunStore.SourceCounts c : run.sources().values()) {
            sb.append(String.format("  %-8s %-9s %6d %8d %10d %8d %8d %10d %9d %8d %7.1fs%n", c.source(), c.status(), c.created(), c.changed(),
                    c.unchanged(), c.deleted(), c.skipped(), c.unreadable(), c.requests(), c.retries(), c.millis() / 1000.0));
        }
        // each object the run could not read or store, named once, with the source's reason
        for (RunStore.SourceCounts c : run.sources().values()) {
            for (RunStore.Skip k : c.skips()) {
                sb.append(String.format("  %s %s %s (%s): %s%n", c.source(), k.kind(), k.object(), k.stream(), k.reason()));
            }
        }
        return sb.toString();
    }
}
