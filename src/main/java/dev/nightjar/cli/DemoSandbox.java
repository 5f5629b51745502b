package dev.nightjar.cli;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's config dir points the connectors at sandbox servers that live only while `nightjar demo`
 * runs. `demo` leaves a marker listing them; `sync` with that config checks they answer and otherwise
 * says so in one line, instead of retrying dead loopback ports for every source. Everything else
 * (status, ask, brief, canonical) reads the demo's store and needs neither the servers nor tokens.
 */
final class DemoSandbox {

    /** In the demo's config dir: {@code source=base-url} per line. */
    static final String MARKER = ".nightjar-demo-sandbox";
    static final int CONNECT_TIMEOUT_MS = 300;

    private DemoSandbox() {
    }

    static void writeMarker(Path configDir, Map<String, String> baseUrls) throws IOException {
        StringBuilder sb = new StringBuilder("# Written by `nightjar demo`: its sandbox servers, alive only while it runs.\n");
        new TreeMap<>(baseUrls).forEach((source, url) -> sb.append(source).append('=').append(url).append('\n'));
        Files.writeString(configDir.resolve(MARKER), sb.toString());
    }

    /** @throws ConfigException when {@code config} is a finished demo's, naming how to run it again */
    static void requireRunning(ConfigDir config, Path dataDir) {
        Path marker = config.path().resolve(MARKER);
        if (!Files.isRegularFile(marker)) return;
        try {
            for (String line : Files.readAllLines(marker)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0) continue;
                if (!answers(URI.create(line.substring(eq + 1).strip()))) {
                    throw new ConfigException("this is the demo's configuration and its sandbox servers stopped when `nightjar demo` ended; "
                            + "run `nightjar demo --data-dir " + dataDir.toAbsolutePath().normalize() + "` to sync the demo again "
                            + "(status, ask, brief and canonical work on this data dir as it is, without tokens)");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean answers(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(url.getHost(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
