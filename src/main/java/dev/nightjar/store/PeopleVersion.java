package dev.nightjar.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The version of one database's {@code identities} table as this JVM knows it: bumped after every
 * identity write made through {@link PeopleStore} (when its transaction ends, so a reader never caches a
 * join made before the commit under the new version), and by {@link #noticeOtherWriters} when the table
 * changed under another process or node. The people directory re-joins when the version moves, so a
 * name lookup costs no query. Shared by every {@link PeopleStore} of the same database in this JVM,
 * keyed by the database's JDBC URL (two opens of one file or server share it).
 */
final class PeopleVersion {

    /** One per database URL: the counter and the last fingerprint the other-writers check saw. */
    private static final Map<String, PeopleVersion> BY_URL = new ConcurrentHashMap<>();
    /** The URL of each open pool, found once per pool (a connection's metadata), not per store. */
    private static final Map<DataSource, PeopleVersion> BY_POOL = Collections.synchronizedMap(new WeakHashMap<>());

    private final AtomicLong version = new AtomicLong();
    private String fingerprint;

    private PeopleVersion() {
    }

    static PeopleVersion of(Database db) {
        return BY_POOL.computeIfAbsent(db.dataSource(), pool -> BY_URL.computeIfAbsent(url(db), u -> new PeopleVersion()));
    }

    private static String url(Database db) {
        return db.jdbc().execute((Connection c) -> {
            try {
                return Objects.requireNonNullElse(c.getMetaData().getURL(), "");
            } catch (SQLException e) {
                return "";
            }
        });
    }

    long current() {
        return version.get();
    }

    /** Bumps now, or when the surrounding transaction ends (committed or not: a spare re-join is harmless). */
    void bumpAfterWrite() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            version.incrementAndGet();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                version.incrementAndGet();
            }
        });
    }

    /**
     * Bumps when {@code fingerprint} differs from the one seen last time (or on the first check, which
     * cannot know what a join made before it saw).
     *
     * @return true when it bumped
     */
    synchronized boolean notice(String fingerprint) {
        if (fingerprint.equals(this.fingerprint)) return false;
        this.fingerprint = fingerprint;
        version.incrementAndGet();
        return true;
    }
}
