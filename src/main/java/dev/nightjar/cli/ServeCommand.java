package dev.nightjar.cli;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.jobs.ScheduleConfiguration;
import dev.nightjar.slack.SlackAppConfiguration;
import dev.nightjar.web.HealthController;
import dev.nightjar.web.NotePageController;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the scheduler (nightly job), the Slack endpoints and the web pages until stopped.")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        try (Workspace ws = cli.openWorkspaceToServe();
             ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SERVE, cli.extraBeans(),
                     Map.of("server.port", Integer.toString(port), "logging.level.dev.nightjar", "INFO"),
                     ScheduleConfiguration.class, HealthController.class, NotePageController.class, SlackAppConfiguration.class)) {
            spring.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(spring::close, "nightjar-shutdown"));
            String actualPort = spring.getEnvironment().getProperty("local.server.port", Integer.toString(port));
            spec.commandLine().getOut().printf("Nightjar is serving on http://localhost:%s (health: /healthz). Ctrl-C stops it.%n", actualPort);
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return Cli.OK;
    }
}
