package dev.nightjar.store;

import java.util.List;

/**
 * How many current (not deleted) documents the store holds, grouped by source, kind, truth level and the
 * two truth flags: what `status` and the health page report, counted in one pass over the table.
 */
public final class DocumentCounts {

    /** One group: {@code count} current documents of {@code source:kind} at {@code truthLevel} with these flags. */
    public record Group(String source, String kind, String truthLevel, boolean stale, boolean superseded, int count) {
    }

    private final Database db;

    public DocumentCounts(Database db) {
        this.db = db;
    }

    /** Every non-empty group of current documents. */
    public List<Group> groups() {
        return db.jdbc().query("SELECT source, kind, truth_level, stale, CASE WHEN superseded_by IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM documents "
                        + "WHERE deleted_at IS NULL GROUP BY source, kind, truth_level, stale, CASE WHEN superseded_by IS NULL THEN 0 ELSE 1 END",
                (rs, i) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5) == 1, rs.getInt(6)));
    }

    /** Changes (document writes, truth updates, deletions) after change sequence {@code seq}: what a follower at {@code seq} has yet to apply. */
    public long changedAfter(long seq) {
        Long n = db.jdbc().queryForObject("SELECT COUNT(*) FROM documents WHERE change_seq > ?", Long.class, seq);
        return n == null ? 0 : n;
    }
}
