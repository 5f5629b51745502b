package dev.nightjar.cli;

import dev.nightjar.config.Environment;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Entry point of {@code target/nightjar.jar}. */
public final class Main {

    private static final String COMMONS_LOGGING_FACTORY = "org.apache.commons.logging.LogFactory";

    private Main() {
    }

    public static void main(String[] args) {
        // before logging starts: --debug also shows the framework's own errors (logback.xml reads this)
        if (java.util.Arrays.asList(args).contains("--debug")) System.setProperty("nightjar.batch.log", "WARN");
        installLogging();
        // Spring logs through commons-logging, whose discovery probes the class path for Log4j first; a class
        // that is not there is looked for in every jar (~30 ms of a cold `ask` in JFR samples). Nightjar
        // logs through SLF4J, so name that factory. An operator's own choice (-D...) is kept.
        if (System.getProperty(COMMONS_LOGGING_FACTORY) == null) {
            System.setProperty(COMMONS_LOGGING_FACTORY, "org.apache.commons.logging.impl.Slf4jLogFactory");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(Cli.execute(Environment.system(), Clock.systemUTC(), out, err, args));
    }

    /** Lucene and H2 log through java.util.logging; this sends it through SLF4J so logback.xml rules it. */
    public static void installLogging() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }
}
