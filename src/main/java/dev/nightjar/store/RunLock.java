package dev.nightjar.store;

import dev.nightjar.store.Database;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.support.TaskUtils;

/**
 * "One nightly job at a time", also across processes sharing the database: a row in {@code run_lock}
 * inserted by the holder (the primary key refuses a second one) and kept fresh by a heartbeat. A lock
 * whose heartbeat stopped (its process was killed) is taken over after {@link #STALE_AFTER}.
 */
public final class RunLock {

    private static final Logger log = LoggerFactory.getLogger(RunLock.class);

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE_AFTER = Duration.ofSeconds(45);

    private final Database db;
    private final Clock clock;
    private final String name;
    private final String owner;

    public RunLock(Database db, Clock clock, String name) {
        this.db = db;
        this.clock = clock;
        this.name = name;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "#" + Long.toHexString(System.nanoTime());
    }

    /** Who holds it and since when, for the refusal message. */
    public record Holder(String owner, Instant since, Instant heartbeat) {
    }

    /** A held lock; closing it releases the row. */
    public final class Held implements AutoCloseable {
        private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nightjar-run-lock");
            t.setDaemon(true);
            return t;
        });

        private Held() {
            // A beat that throws (the database briefly unreachable) must not end the heartbeat: the executor would
            // cancel the task for good, and after STALE_AFTER another process would take the lock of a run still going.
            heartbeat.scheduleAtFixedRate(TaskUtils.decorateTaskWithErrorHandler(RunLock.this::beat, this::beatFailed, true),
                    HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void beatFailed(Throwable t) {
            if (heartbeat.isShutdown()) return; // released meanwhile
            log.warn("run lock {}: could not record the heartbeat (the next beat, in {} s, tries again): {}", name, HEARTBEAT.toSeconds(), t.toString());
            log.debug("heartbeat failure", t);
        }

        @Override
        public void close() {
            heartbeat.shutdownNow();
            db.jdbc().update("DELETE FROM run_lock WHERE name=? AND owner=?", name, owner);
        }
    }

    /** Records that the holder is alive. */
    private void beat() {
        db.jdbc().update("UPDATE run_lock SET heartbeat_at=? WHERE name=? AND owner=?", now(), name, owner);
    }

    /** The lock, or the current holder when someone alive has it. */
    public Optional<Held> tryAcquire() {
        if (insert()) return Optional.of(new Held());
        Optional<Holder> holder = holder();
        if (holder.isPresent() && (holder.get().heartbeat().isBefore(clock.instant().minus(STALE_AFTER)) || deadOnThisHost(holder.get().owner()))) {
            // the holder was killed: take over its row, atomically against other contenders
            int taken = db.jdbc().update("UPDATE run_lock SET owner=?, acquired_at=?, heartbeat_at=? WHERE name=? AND owner=?",
                    owner, now(), now(), name, holder.get().owner());
            if (taken == 1) return Optional.of(new Held());
        }
        return Optional.empty();
    }

    /** Owners are "pid@host#nonce"; a holder on this host whose process is gone cannot be running. */
    private static boolean deadOnThisHost(String owner) {
        String self = ManagementFactory.getRuntimeMXBean().getName();
        int at = owner.indexOf('@'), hash = owner.indexOf('#');
        if (at < 0 || hash < at || !owner.substring(at, hash).equals(self.substring(self.indexOf('@')))) return false;
        try {
            return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public Optional<Holder> holder() {
        return db.jdbc().query("SELECT owner, acquired_at, heartbeat_at FROM run_lock WHERE name=?",
                (rs, i) -> new Holder(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, OffsetDateTime.class).toInstant()), name).stream().findFirst();
    }

    private boolean insert() {
        try {
            db.jdbc().update("INSERT INTO run_lock (name, owner, acquired_at, heartbeat_at) VALUES (?,?,?,?)", name, owner, now(), now());
            return true;
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
