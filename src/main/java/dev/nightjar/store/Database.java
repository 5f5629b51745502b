package dev.nightjar.store;

import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The H2 database file in the data directory, migrated by Flyway on open. The same migrations run on
 * PostgreSQL for multi-node deployments (see the README).
 */
public final class Database implements AutoCloseable {

    static {
        StoreConnections.bindLoopback();
    }

    private final JdbcConnectionPool pool;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
        this.jdbc = new JdbcTemplate(pool);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    /**
     * How a process shares the embedded store with other Nightjar processes on the same machine.
     * H2's automatic mixed mode lets a second process in through a TCP server in the first one; that
     * server is opened only where another process may need it, bound to loopback, and every
     * connection needs the store's secret ({@link StoreSecret}).
     */
    public enum Sharing {
        /** Long-running (serve, sync, demo): holds the file and lets `status`, `ask`, … in through a loopback server. */
        SERVER,
        /** Short commands: open the file without any server, or join the server of a running `serve`/`sync`. */
        JOIN
    }

    /** As {@link #open(Path, Sharing)} with {@link Sharing#SERVER}. */
    public static Database open(Path dataDir) {
        return open(dataDir, Sharing.SERVER);
    }

    /**
     * Opens (creating if needed) {@code <dataDir>/nightjar.mv.db} and applies pending migrations.
     *
     * @throws ConfigException the store is unusable (wrong secret, held by a process that does not share it)
     */
    public static Database open(Path dataDir, Sharing sharing) {
        Path dir = DataDirs.ensureWritable(dataDir);
        // WRITE_DELAY=0: H2 otherwise writes commits to the file up to 500 ms later, and a killed process
        // would lose them; a page's documents and its cursor must be on disk once the chunk commits.
        String url = "jdbc:h2:file:" + dir.resolve("nightjar").toAbsolutePath() + ";WRITE_DELAY=0";
        String password = StoreSecret.password(dir, url);
        JdbcConnectionPool pool = StoreConnections.pool(dir, url, password, sharing);
        pool.setMaxConnections(16);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        // H2 creates its files with the umask's permissions; the store holds private threads
        for (String f : new String[]{"nightjar.mv.db", "nightjar.lock.db", "nightjar.trace.db"}) OwnerOnly.restrictFile(dir.resolve(f));
        return new Database(pool);
    }

    static void migrate(DataSource dataSource) {
        if (SchemaVersion.isCurrent(dataSource)) return; // Flyway's start-up costs seconds; skip it when nothing is pending
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new ConfigException("cannot open the store: " + firstLine(e.getMessage()), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public void close() {
        pool.dispose();
    }

    static String firstLine(String message) {
        return message == null ? "unknown error" : message.strip().lines().findFirst().orElse(message);
    }

    /** Data-directory checks shared by the store and the index. */
    public static final class DataDirs {
        private DataDirs() {
        }

        public static Path ensureWritable(Path dir) {
            Path abs = dir.toAbsolutePath().normalize();
            try {
                OwnerOnly.createDirectories(abs);
            } catch (IOException e) {
                String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null ? fs.getReason()
                        : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way" : String.valueOf(e.getMessage());
                throw new ConfigException("data dir " + abs + " cannot be created (" + reason
                        + "); choose another with --data-dir or NIGHTJAR_DATA");
            }
            if (!Files.isDirectory(abs) || !Files.isWritable(abs)) {
                throw new ConfigException("data dir " + abs + " is not writable; fix its permissions or choose another with --data-dir or NIGHTJAR_DATA");
            }
            return abs;
        }
    }
}
