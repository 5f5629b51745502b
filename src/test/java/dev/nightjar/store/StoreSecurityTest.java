package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store no one else can open: owner-only files, a generated secret, H2's server only in
 * long-running processes and only on loopback.
 */
class StoreSecurityTest {

    @TempDir
    Path tmp;

    @Test
    void aNewDataDirAndItsSecretAreOwnerOnly() throws Exception {
        assumeThat(OwnerOnly.posix()).isTrue();
        Path data = tmp.resolve("fresh/data");
        try (Database ignored = Database.open(data)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("fresh")))).isEqualTo("rwx------");
            for (String f : new String[]{"db.secret", "nightjar.mv.db", "nightjar.lock.db"}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(f)))).as(f).isEqualTo("rw-------");
            }
            assertThat(Files.readString(data.resolve("db.secret")).strip()).matches("[A-Za-z0-9_-]{43}");
        }
    }

    @Test
    void anotherProcessNeedsTheSecretAndReachesTheServerOnLoopbackOnly() throws Exception {
        Path data = tmp.resolve("data");
        try (Database ignored = Database.open(data, Database.Sharing.SERVER)) {
            Properties lock = lockFile(data);
            String server = lock.getProperty("server");
            assertThat(server).as("the holder's server, as written in the lock file").contains(":");
            assertThat(InetAddress.getByName(server.substring(0, server.indexOf(':'))).isLoopbackAddress()).as(server).isTrue();
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            nonLoopbackAddress().ifPresent(addr -> assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(addr, port), 1000);
                }
            }).as("port %d on %s", port, addr).isInstanceOf(IOException.class));

            String secret = Files.readString(data.resolve("db.secret")).strip();
            assertThat(foreignClient(data, "")).isEqualTo("ERROR " + ErrorCode.WRONG_USER_OR_PASSWORD);
            assertThat(foreignClient(data, secret)).isEqualTo("OK");
            // a short command of another process joins through the server (it cannot open the held file)
            assertThat(run(ForeignClient.class.getName(), "--join", data.toAbsolutePath().toString())).isEqualTo("OK");
        }
    }

    @Test
    void aShortCommandOpensNoServer() throws Exception {
        Path data = tmp.resolve("data");
        try (Database ignored = Database.open(data, Database.Sharing.JOIN)) {
            // without AUTO_SERVER H2 locks the file natively and writes no lock file at all
            assertThat(!Files.exists(data.resolve("nightjar.lock.db")) || lockFile(data).getProperty("server") == null).isTrue();
        }
    }

    @Test
    void aStoreFromBeforeTheSecretGetsOneAndTheEmptyPasswordStopsWorking() throws Exception {
        Path data = tmp.resolve("old");
        String url = "jdbc:h2:file:" + data.resolve("nightjar").toAbsolutePath();
        try (Database db = Database.open(data, Database.Sharing.JOIN)) { // as earlier versions left it: empty password
            db.jdbc().execute("CREATE TABLE kept (x INT)");
            db.jdbc().execute("ALTER USER nightjar SET PASSWORD ''");
        }
        Files.delete(data.resolve("db.secret"));
        try (Database db = Database.open(data, Database.Sharing.JOIN)) {
            assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM kept", Integer.class)).isZero();
        }
        assertThat(data.resolve("db.secret")).exists();
        assertThat(data.resolve("db.secret.new")).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "nightjar", "").close())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD);
        try (Database again = Database.open(data, Database.Sharing.JOIN)) {
            assertThat(again.jdbc().queryForObject("SELECT COUNT(*) FROM kept", Integer.class)).isZero();
        }
    }

    @Test
    void aWrongSecretIsOneClearLine() throws Exception {
        Path data = tmp.resolve("data");
        Database.open(data, Database.Sharing.JOIN).close();
        Files.writeString(data.resolve("db.secret"), "not-the-secret");
        assertThatThrownBy(() -> Database.open(data, Database.Sharing.JOIN)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("db.secret").hasMessageNotContaining("not-the-secret");
    }

    private static Properties lockFile(Path data) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("nightjar.lock.db"))) {
            p.load(in);
        }
        return p;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nif.isUp() || nif.isLoopback()) continue;
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof java.net.Inet4Address) return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Runs {@link ForeignClient} in a separate JVM, as another local process would. */
    private static String foreignClient(Path data, String password) throws Exception {
        return run(ForeignClient.class.getName(), data.resolve("nightjar").toAbsolutePath().toString(), password);
    }

    private static String run(String mainClass, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return out.lines().filter(l -> l.startsWith("OK") || l.startsWith("ERROR")).findFirst().orElse(out);
    }
}
