package dev.nightjar.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code decisions} table (migrations V3, V7): decisions extracted from documents, one row per
 * (document, decision text), which a unique key enforces, so two extractions of the same document can
 * never both land.
 */
public final class DecisionStore {

    /** The documents decisions are read from: Slack, Notion, notes, and Linear's comments and updates. */
    private static final String SOURCES = "(source = 'slack' OR source = 'notion' OR source = 'nightjar' "
            + "OR (source = 'linear' AND kind IN ('comment', 'project-update', 'initiative-update')))";
    private static final String SELECT = "SELECT id, doc_id, text, why, who, decided_at FROM decisions";
    private static final int IN_CHUNK = 500;

    private final Database db;
    private final TransactionTemplate ownTransaction;

    public DecisionStore(Database db) {
        this.db = db;
        // its own transaction even when called after a surrounding one committed (the change feed runs in
        // the committed transaction's completion, where joining it would write outside any transaction)
        this.ownTransaction = new TransactionTemplate(db.tx().getTransactionManager());
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A decision as stored: {@code decidedAt} may be null (the source gave no time). */
    public record Row(long id, String docId, String text, String why, String who, Instant decidedAt) {
    }

    /**
     * Runs {@code work} in a new transaction holding the change feed's row lock ({@code change_feed_lock},
     * migration V6): one extractor at a time across processes and nodes, and store writers wait for it.
     */
    public <T> T underFeedLock(Supplier<T> work) {
        return ownTransaction.execute(s -> {
            db.jdbc().query("SELECT id FROM change_feed_lock WHERE id = 1 FOR UPDATE", rs -> { });
            return work.get();
        });
    }

    /** The documents decisions may come from whose change is in {@code (from, to]}, deleted ones included. */
    public List<StoredDocument> changedSources(DocumentStore documents, long from, long to) {
        return documents.query("change_seq > ? AND change_seq <= ? AND " + SOURCES, from, to);
    }

    /** Replaces the decisions of {@code docIds} by {@code rows} (rows of the same document and text once). */
    public void replace(Collection<String> docIds, List<Row> rows, Instant extractedAt) {
        db.jdbc().batchUpdate("DELETE FROM decisions WHERE doc_id = ?", docIds.stream().map(id -> new Object[]{id}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (Row r : rows) inserts.add(new Object[]{r.docId(), r.text(), textKey(r.text()), r.why(), r.who(), ts(r.decidedAt()), ts(extractedAt)});
        db.jdbc().batchUpdate("INSERT INTO decisions (doc_id, text, text_key, why, who, decided_at, extracted_at) VALUES (?,?,?,?,?,?,?)", inserts);
    }

    /** Decisions whose source is one of {@code docIds}, in no particular order. */
    public List<Row> forDocuments(Collection<String> docIds) {
        List<Row> out = new ArrayList<>();
        List<String> ids = List.copyOf(docIds);
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            out.addAll(db.jdbc().query(SELECT + " WHERE doc_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    DecisionStore::row, chunk.toArray()));
        }
        return out;
    }

    /** Decisions made at or after {@code since}, newest first. */
    public List<Row> since(Instant since) {
        return db.jdbc().query(SELECT + " WHERE decided_at >= ? ORDER BY decided_at DESC", DecisionStore::row, ts(since));
    }

    /** Every decision, newest first. */
    public List<Row> all() {
        return db.jdbc().query(SELECT + " ORDER BY decided_at DESC", DecisionStore::row);
    }

    /** How many decisions the log holds. */
    public long count() {
        Long n = db.jdbc().queryForObject("SELECT COUNT(*) FROM decisions", Long.class);
        return n == null ? 0 : n;
    }

    /** The unique key's half for the text: SHA-256 in hex (the text itself may be too long for an index entry). */
    static String textKey(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), at == null ? null : at.toInstant());
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
