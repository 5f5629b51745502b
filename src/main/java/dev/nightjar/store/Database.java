package dev.nightjar.store;

import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's database, migrated by Flyway on open: the H2 file in the data directory by default, or
 * the external database of {@link DatabaseSettings} (PostgreSQL, shared by several nodes). The same
 * migrations run on both; where the SQL must differ it lives in {@code db/vendor/<vendor>}.
 */
public final class Database implements AutoCloseable {

    static {
        StoreConnections.bindLoopback();
    }

    private final DataSource pool;
    private final AutoCloseable closer;
    private final String vendor;
    private final boolean external;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    private Database(DataSource pool, AutoCloseable closer, String vendor, boolean external) {
        this.pool = pool;
        this.closer = closer;
        this.vendor = vendor;
        this.external = external;
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

    /**
     * Opens the database {@code settings} name: the embedded H2 file in {@code dataDir} when they name
     * none, else the external one (migrated like the embedded one).
     *
     * @throws dev.nightjar.config.ConfigException the server cannot be reached, refuses the user, or a migration fails
     */
    public static Database open(Path dataDir, DatabaseSettings settings) {
        return open(dataDir, settings, Sharing.SERVER);
    }

    /** As {@link #open(Path, DatabaseSettings)}; {@code sharing} applies to the embedded store only. */
    public static Database open(Path dataDir, DatabaseSettings settings, Sharing sharing) {
        return settings.external() ? openExternal(settings) : open(dataDir, sharing);
    }

    private static Database openExternal(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) config.setUsername(settings.user());
        if (settings.password() != null) config.setPassword(settings.password());
        config.setMaximumPoolSize(16);
        config.setPoolName("nightjar");
        config.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ConfigException("cannot connect to the database " + settings.redacted() + ": " + firstLine(cause.getMessage())
                    + " (check " + DatabaseSettings.URL_VAR + ", " + DatabaseSettings.USER_VAR + ", " + DatabaseSettings.PASSWORD_VAR + ")", e);
        }
        try {
            migrate(pool, settings.vendor());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, pool, settings.vendor(), true);
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
        // LOCK_TIMEOUT: a writer waits for the change feed's row lock (DocumentStore) while another process
        // commits a page; H2's default of 1 s would fail a `canonical mark` next to a running sync instead.
        // CACHE_SIZE: see PAGE_CACHE_KIB. QUERY_CACHE_SIZE: parsed statements kept per connection (H2's default 8);
        // an answer runs ~15 distinct statements on whichever pooled connection it gets, and re-parsing them showed
        // in serve's profile.
        String url = "jdbc:h2:file:" + dir.resolve("nightjar").toAbsolutePath() + ";WRITE_DELAY=0;LOCK_TIMEOUT=30000;CACHE_SIZE="
                + PAGE_CACHE_KIB + ";QUERY_CACHE_SIZE=64";
        String password = StoreSecret.password(dir, url);
        JdbcConnectionPool pool = StoreConnections.pool(dir, url, password, sharing);
        pool.setMaxConnections(16);
        try {
            migrate(pool, "h2");
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        // H2 creates its files with the umask's permissions; the store holds private threads
        for (String f : new String[]{"nightjar.mv.db", "nightjar.lock.db", "nightjar.trace.db"}) OwnerOnly.restrictFile(dir.resolve(f));
        return new Database(pool, pool::dispose, "h2", false);
    }

    /**
     * H2's page cache in KiB: 128 MiB instead of H2's default 16 MiB. Why: an answer reads its ~20 hits at random
     * places of the documents table, and at 100k documents (a 350 MB file) the default cache held so little that half
     * of {@code findAll}'s time in {@code serve} was reading pages back from the file (BENCHMARKS.md, serve under load).
     * The cache fills only with pages actually read, so a short command pays nothing for the bound; a 2 GB rebuild
     * keeps 1.9 GB. One fixed value, not one derived from this JVM's heap: a command that joins a running
     * {@code serve}'s database passes the same URL settings, and must not resize that process's cache.
     */
    static final int PAGE_CACHE_KIB = 128 * 1024;

    static void migrate(DataSource dataSource, String vendor) {
        if (SchemaVersion.isCurrent(dataSource, vendor)) return; // Flyway's start-up costs seconds; skip it when nothing is pending
        try {
            // common SQL, then what must differ per database (e.g. Quartz's tables: BLOB on H2, BYTEA on PostgreSQL)
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:" + SchemaVersion.vendorLocation(vendor))
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new ConfigException("cannot open the store: " + firstLine(e.getMessage()), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** {@code h2} or {@code postgresql}: where SQL must differ (Quartz's delegate, Spring Batch's schema). */
    public String vendor() {
        return vendor;
    }

    /** True when the database is shared with other nodes (not the embedded file of this data directory). */
    public boolean external() {
        return external;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the database: " + e.getMessage(), e);
        }
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
