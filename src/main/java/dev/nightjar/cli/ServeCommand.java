package dev.nightjar.cli;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.jobs.ScheduleConfiguration;
import dev.nightjar.slack.SlackAppConfiguration;
import dev.nightjar.web.HealthController;
import dev.nightjar.web.HomePageController;
import dev.nightjar.web.NotePageController;
import dev.nightjar.config.ConfigException;
import java.net.InetAddress;
import java.net.UnknownHostException;
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

    // Loopback by default: Slack reaches the app through the operator's reverse proxy or tunnel, and a
    // fresh install should not put the note pages and health view on every interface unasked.
    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default: $NIGHTJAR_BIND, else " + DEFAULT_BIND + "; 0.0.0.0 = every interface).")
    String bindOption;

    static final String DEFAULT_BIND = "127.0.0.1";

    /** {@code --bind}, else {@code NIGHTJAR_BIND}, else loopback. */
    static String bindAddress(String option, dev.nightjar.config.Environment env) {
        return option != null && !option.isBlank() ? option : env.find("NIGHTJAR_BIND").orElse(DEFAULT_BIND);
    }

    /**
     * A port outside 0-65535 or an address that names no host is a usage error found before the store is opened (and
     * perhaps created), rather than a failure of the web server after it.
     *
     * @throws ConfigException naming the option and the value
     */
    static void requireListenable(int port, String bind) {
        if (port < 0 || port > 65535) throw new ConfigException("--port " + port + " is not a port (0-65535; 0 = any free port)");
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ConfigException("--bind " + bind + " names no address (e.g. 127.0.0.1, or 0.0.0.0 for every interface)");
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        String bind = bindAddress(bindOption, cli.env);
        requireListenable(port, bind);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Workspace ws = cli.openWorkspaceToServe();
             ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SERVE, cli.extraBeans(),
                     Map.of("server.port", Integer.toString(port), "server.address", bind, "logging.level.dev.nightjar", "INFO"),
                     ScheduleConfiguration.class, HealthController.class, NotePageController.class, HomePageController.class,
                     SlackAppConfiguration.class)) {
            spring.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(spring::close, "nightjar-shutdown"));
            String actualPort = spring.getEnvironment().getProperty("local.server.port", Integer.toString(port));
            spec.commandLine().getOut().printf("Nightjar is serving on http://%s:%s (liveness: /healthz, health: /health). Ctrl-C stops it.%n",
                    bind.contains(":") ? "[" + bind + "]" : bind, actualPort);
            spec.commandLine().getOut().flush();
            stopped.await();
        }
        return Cli.OK;
    }
}
