package dev.nightjar.store;

import dev.nightjar.config.ConfigException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Connects to the embedded H2 store the way a process's {@link Database.Sharing} asks. H2's automatic
 * mixed mode ({@code AUTO_SERVER=TRUE}) starts a TCP server in whichever process opens the file first
 * and writes its address into {@code nightjar.lock.db}; H2 itself binds that server to every interface
 * and accepts any local user who knows the database user and password. Here it is bound to loopback
 * ({@code h2.bindAddress}) and every connection needs the store's secret.
 */
final class StoreConnections {

    static final String USER = "nightjar";
    /** A short command holds the file for about a second; a starting `serve` waits that long rather than failing. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(15);

    private StoreConnections() {
    }

    /**
     * Loopback only: no other machine may reach the store's server. H2 reads {@code h2.bindAddress} once,
     * when its SysProperties class loads, so this runs before the JVM's first H2 connection ({@link Database}'s
     * static initializer). An operator's own {@code -Dh2.bindAddress} is kept.
     */
    static void bindLoopback() {
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** A pool whose first connection is open (the file opened, or the running holder's server joined). */
    static JdbcConnectionPool pool(Path dir, String fileUrl, String password, Database.Sharing sharing) {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        boolean viaServer = sharing == Database.Sharing.SERVER;
        while (true) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(viaServer ? fileUrl + ";AUTO_SERVER=TRUE" : fileUrl, USER, password);
            try (Connection ignored = pool.getConnection()) {
                return pool; // the pool keeps the connection, so the database stays open
            } catch (SQLException e) {
                pool.dispose();
                if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) throw unusable(dir, e);
                if (!viaServer) {
                    viaServer = true; // a running serve/sync holds the file: join it through its loopback server
                    continue;
                }
                if (System.nanoTime() > deadline) {
                    throw new ConfigException("the store in " + dir + " is in use by another Nightjar command; try again when it ends");
                }
                pause();
            }
        }
    }

    /** One line an operator can act on; the password never appears (H2 does not echo it either). */
    static ConfigException unusable(Path dir, SQLException e) {
        if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
            return new ConfigException("cannot open the store in " + dir + ": its password is not the one in " + StoreSecret.FILE
                    + " (restore the " + StoreSecret.FILE + " that belongs to this store)", e);
        }
        return new ConfigException("cannot open the store in " + dir + ": " + Database.firstLine(e.getMessage()), e);
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while waiting for the store");
        }
    }
}
