package dev.nightjar.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Sync runs and their per-source counts, newest first, as `status` shows them. */
public final class RunStore {

    private final Database db;

    public RunStore(Database db) {
        this.db = db;
    }

    /**
     * One source's outcome in one run. {@code skipped}: records that could not be normalized;
     * {@code unreadable}: objects the source would not give us; {@code skips}: both, with why (the first
     * few dozen of each run).
     */
    public record SourceCounts(String source, String status, int created, int changed, int unchanged, int deleted, int skipped,
                               int unreadable, long requests, long retries, long millis, String error, List<Skip> skips) {
        public SourceCounts {
            skips = skips == null ? List.of() : List.copyOf(skips);
        }
    }

    /**
     * Something a run did not store, and why.
     *
     * @param kind   {@link #UNREADABLE} (the source would not give us the object) or {@link #MALFORMED}
     *               (a record that could not be normalized)
     * @param stream the stream it was met in, e.g. {@code commits:acme/empty}
     * @param object what it was, e.g. {@code repo acme/empty commits}; {@code record} for a malformed one
     * @param reason the API's or the normalizer's own words, one line
     */
    public record Skip(String kind, String stream, String object, String reason) {
        public static final String UNREADABLE = "unreadable", MALFORMED = "malformed";

        public Skip {
            stream = oneLine(stream, 300);
            object = oneLine(object, 500);
            reason = oneLine(reason, 1000);
        }

        private static String oneLine(String s, int max) {
            String t = s == null ? "" : s.replaceAll("\\s+", " ").trim();
            return t.length() > max ? t.substring(0, max - 1) + "…" : t;
        }
    }

    public record Run(long id, String status, Instant startedAt, Instant endedAt, boolean full, String message,
                      String sourceSelection, Map<String, SourceCounts> sources) {
    }

    public long start(Instant now, boolean full, String sourceSelection) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        db.jdbc().update(con -> {
            var ps = con.prepareStatement("INSERT INTO sync_runs (status, started_at, full_sync, sources) VALUES (?,?,?,?)",
                    new String[]{"id"});
            ps.setString(1, "STARTED");
            ps.setObject(2, DocumentStore.ts(now));
            ps.setBoolean(3, full);
            ps.setString(4, sourceSelection);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    public void recordSource(long runId, SourceCounts c) {
        db.jdbc().update("DELETE FROM sync_run_sources WHERE run_id=? AND source=?", runId, c.source());
        db.jdbc().update("INSERT INTO sync_run_sources (run_id, source, status, new_count, changed_count, unchanged_count, deleted_count, "
                        + "skipped_count, requests, retries, millis, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                runId, c.source(), c.status(), c.created(), c.changed(), c.unchanged(), c.deleted(), c.skipped(), c.requests(),
                c.retries(), c.millis(), c.error());
        db.jdbc().update("UPDATE sync_run_sources SET unreadable_count=? WHERE run_id=? AND source=?", c.unreadable(), runId, c.source());
        db.jdbc().update("DELETE FROM sync_run_skips WHERE run_id=? AND source=?", runId, c.source());
        for (Skip s : c.skips()) {
            db.jdbc().update("INSERT INTO sync_run_skips (run_id, source, kind, stream, object, reason) VALUES (?,?,?,?,?,?)",
                    runId, c.source(), s.kind(), s.stream(), s.object(), s.reason());
        }
    }

    /** Adds deletions found after the source step (reconcile) to that source's counts. */
    public void addDeleted(long runId, String source, int deleted) {
        db.jdbc().update("UPDATE sync_run_sources SET deleted_count = deleted_count + ? WHERE run_id=? AND source=?", deleted, runId, source);
    }

    public java.util.Optional<Run> find(long runId) {
        return runs("WHERE id=?", runId).stream().findFirst();
    }

    /** Marks a run as running again (it is being resumed). */
    public void resume(long runId) {
        db.jdbc().update("UPDATE sync_runs SET status='STARTED', ended_at=NULL, message=NULL WHERE id=?", runId);
    }

    public void finish(long runId, String status, Instant now, String message) {
        db.jdbc().update("UPDATE sync_runs SET status=?, ended_at=?, message=? WHERE id=?", status, DocumentStore.ts(now), message, runId);
    }

    public List<Run> recent(int limit) {
        return runs("ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    private List<Run> runs(String tail, Object... args) {
        List<Run> runs = db.jdbc().query("SELECT id, status, started_at, ended_at, full_sync, message, sources FROM sync_runs " + tail,
                (rs, i) -> new Run(rs.getLong(1), rs.getString(2), DocumentStore.instant(rs, 3), DocumentStore.instant(rs, 4),
                        rs.getBoolean(5), rs.getString(6), rs.getString(7), new LinkedHashMap<>()), args);
        for (Run run : runs) {
            Map<String, List<Skip>> skips = new LinkedHashMap<>();
            db.jdbc().query("SELECT source, kind, stream, object, reason FROM sync_run_skips WHERE run_id=?", rs -> {
                skips.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new Skip(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }, run.id());
            db.jdbc().query("SELECT source, status, new_count, changed_count, unchanged_count, deleted_count, skipped_count, requests, "
                    + "retries, millis, error, unreadable_count FROM sync_run_sources WHERE run_id=? ORDER BY source", rs -> {
                run.sources().put(rs.getString(1), new SourceCounts(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(12), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                        rs.getString(11), skips.getOrDefault(rs.getString(1), List.of())));
            }, run.id());
        }
        return runs;
    }
}
