package dev.nightjar.cli;

import dev.nightjar.config.Environment;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Entry point of {@code target/nightjar.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // before logging starts: --debug also shows the framework's own errors (logback.xml reads this)
        if (java.util.Arrays.asList(args).contains("--debug")) System.setProperty("nightjar.batch.log", "WARN");
        installLogging();
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
