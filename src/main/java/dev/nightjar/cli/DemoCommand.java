package dev.nightjar.cli;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.jobs.PipelineProgress;
import dev.nightjar.jobs.SyncRunner;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * `nightjar demo`: the whole product on a fresh machine with no tokens. Starts loopback servers that
 * speak the five real APIs over an invented company, points the real connectors at them, runs the real
 * nightly job, then shows what Nightjar is for: a morning brief and cited answers.
 */
@Command(name = "demo", description = "Sandbox company end to end: local API servers, a real sync, a brief and cited answers. No tokens needed.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        // created owner-only before the demo's config is written into it (a temp dir is 0700 already)
        Path dataDir = cli.dataDir != null ? Database.DataDirs.ensureWritable(cli.dataDir) : Files.createTempDirectory("nightjar-demo-");
        Path configDir = dataDir.resolve("demo-config");
        try (SandboxServers sandbox = SandboxServers.start(cli.clock).closeOnShutdown()) {
            sandbox.writeConfig(configDir);
            Map<String, String> urls = new HashMap<>();
            for (String source : SandboxServers.SOURCES) urls.put(source, sandbox.url(source));
            DemoSandbox.writeMarker(configDir, urls);
            Map<String, String> env = new HashMap<>();
            env.putAll(sandbox.env());
            Environment merged = name -> env.containsKey(name) ? env.get(name) : cli.env.get(name);
            out.printf("Nightjar demo: %s, an invented company, served by local Linear, GitHub, W&B, Notion and Slack APIs.%n",
                    SampleCompany.COMPANY);
            out.printf("Data: %s%n%n", dataDir.toAbsolutePath());
            out.flush();
            try (Workspace ws = new Workspace(dataDir, new ConfigDir(configDir), merged, cli.clock)) {
                Map<String, Object> beans = new HashMap<>(cli.extraBeans());
                beans.putIfAbsent("connectorContext", ConnectorContext.production(merged));
                SyncRunner.Result sync;
                try (ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SYNC, beans, Map.of())) {
                    PipelineProgress progress = Terminal.progress(spec.commandLine().getErr(), false);
                    sync = spring.getBean(SyncRunner.class).run(new SyncRunner.Request(List.of(), false), progress);
                }
                out.println("== Nightly sync ==");
                out.print(SyncCommand.summary(sync));
                out.println();
                out.flush();
                if (!sync.succeeded()) {
                    spec.commandLine().getErr().println("nightjar: demo sync failed: " + sync.message());
                    return Cli.FAILED;
                }
                DemoShowcase.print(ws, sandbox.company(), out);
            }
            out.printf("%nDemo finished in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            printNext(out, dataDir, configDir, sandbox.company());
            return Cli.OK;
        }
    }

    private static void printNext(PrintWriter out, Path dataDir, Path configDir, SampleCompany company) {
        String flags = "--data-dir " + dataDir.toAbsolutePath() + " --config-dir " + configDir.toAbsolutePath();
        // a real reader from the sandbox's directory: the showcased team's first member and a teammate for a 1:1
        List<SampleCompany.Person> team = company.people.stream().filter(p -> p.team().equals(DemoShowcase.TEAM)).toList();
        SampleCompany.Person reader = team.get(0), teammate = team.get(1);
        out.println();
        out.println("Try next:");
        out.println("  ./nightjar " + flags + " status");
        out.println("  ./nightjar " + flags + " ask \"where do we stand on search relevance?\" --format json");
        List<String> blockers = company.stories().blockerChain();
        out.println("  ./nightjar " + flags + " show " + blockers.get(blockers.size() - 1));
        out.println("  ./nightjar " + flags + " brief --person " + reader.email() + "   (" + reader.name() + ", " + reader.title() + ")");
        out.println("  ./nightjar " + flags + " prep --with " + teammate.email() + " --as " + reader.email()
                + "   (" + reader.firstName() + "'s 1:1 with " + teammate.firstName() + ")");
        out.println("  People (any of them for --person, --with, --as): " + String.join(", ", company.people.stream().map(SampleCompany.Person::email).toList()));
        out.println("  (no tokens needed to explore; `sync` needs the sandbox servers, which stop with the demo: run the demo again)");
        out.println("  Your own sources: put tokens in LINEAR_API_KEY, GITHUB_TOKEN, WANDB_API_KEY, NOTION_TOKEN, SLACK_BOT_TOKEN,");
        out.println("  edit connectors/*.yml (repos, teams, channels), then `./nightjar sync` and `./nightjar serve` (nightly at jobs/nightly.yml's cron).");
        out.flush();
    }
}
