package dev.nightjar.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Admin canonical marks and their append-only audit log. */
public final class CanonicalStore {

    private final Database db;

    public CanonicalStore(Database db) {
        this.db = db;
    }

    public record Mark(String docId, String subject, String markedBy, Instant markedAt, Instant reviewBy, String reason) {
    }

    public record AuditEntry(long id, String docId, String action, String actor, Instant at, Instant reviewBy, String reason) {
    }

    public Optional<Mark> find(String docId) {
        return db.jdbc().query("SELECT doc_id, subject, marked_by, marked_at, review_by, reason FROM canonical_marks WHERE doc_id=?",
                (rs, i) -> mark(rs), docId).stream().findFirst();
    }

    public List<Mark> all() {
        return db.jdbc().query("SELECT doc_id, subject, marked_by, marked_at, review_by, reason FROM canonical_marks ORDER BY marked_at",
                (rs, i) -> mark(rs));
    }

    public List<Mark> bySubject(String subject) {
        return db.jdbc().query("SELECT doc_id, subject, marked_by, marked_at, review_by, reason FROM canonical_marks WHERE subject=?",
                (rs, i) -> mark(rs), subject);
    }

    public void put(Mark m) {
        db.jdbc().update("DELETE FROM canonical_marks WHERE doc_id=?", m.docId());
        db.jdbc().update("INSERT INTO canonical_marks (doc_id, subject, marked_by, marked_at, review_by, reason) VALUES (?,?,?,?,?,?)",
                m.docId(), m.subject(), m.markedBy(), DocumentStore.ts(m.markedAt()), DocumentStore.ts(m.reviewBy()), m.reason());
    }

    /**
     * Records an admin's mark in one transaction: the audit of the mark it replaces ({@code replaced} not
     * null, described by {@code replacedDescription}), the mark, and a "supersede" entry for each of the
     * subject's previously marked documents.
     */
    public void markAudited(Mark mark, Mark replaced, String replacedDescription, List<String> superseded) {
        db.tx().executeWithoutResult(s -> {
            // re-marking overwrites the mark row; the audit keeps what it said (who, reason, review-by)
            if (replaced != null) audit(mark.docId(), "replace", mark.markedBy(), mark.markedAt(), replaced.reviewBy(), replacedDescription);
            put(mark);
            audit(mark.docId(), "mark", mark.markedBy(), mark.markedAt(), mark.reviewBy(), mark.reason());
            for (String old : superseded) audit(old, "supersede", mark.markedBy(), mark.markedAt(), null, "superseded by " + mark.docId());
        });
    }

    /** Removes a mark and audits the removal, in one transaction. */
    public void unmarkAudited(String docId, String actor, Instant at, String reason) {
        db.tx().executeWithoutResult(s -> {
            remove(docId);
            audit(docId, "unmark", actor, at, null, reason);
        });
    }

    public boolean remove(String docId) {
        return db.jdbc().update("DELETE FROM canonical_marks WHERE doc_id=?", docId) > 0;
    }

    public void audit(String docId, String action, String actor, Instant at, Instant reviewBy, String reason) {
        db.jdbc().update("INSERT INTO canonical_audit (doc_id, action, actor, at, review_by, reason) VALUES (?,?,?,?,?,?)",
                docId, action, actor, DocumentStore.ts(at), DocumentStore.ts(reviewBy), reason);
    }

    public List<AuditEntry> auditLog(String docId) {
        return db.jdbc().query("SELECT id, doc_id, action, actor, at, review_by, reason FROM canonical_audit WHERE doc_id=? ORDER BY id",
                (rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        DocumentStore.instant(rs, 5), DocumentStore.instant(rs, 6), rs.getString(7)), docId);
    }

    private static Mark mark(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Mark(rs.getString(1), rs.getString(2), rs.getString(3), DocumentStore.instant(rs, 4),
                DocumentStore.instant(rs, 5), rs.getString(6));
    }
}
