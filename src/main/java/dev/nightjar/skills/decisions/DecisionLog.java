package dev.nightjar.skills.decisions;

import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision log: decisions extracted from Slack threads, Linear comments, Notion pages and
 * scratchpad notes, kept with their why, who, when and source. {@link #refresh()} re-reads only the
 * documents changed since the last refresh (a watermark on the store's change sequence), so the
 * nightly "truth"/"brief" step and every {@code ask} can call it cheaply.
 */
public final class DecisionLog {

    // v2: decisions are timed by the message that states them; a new name re-reads every document once
    static final String WATERMARK = "decisions.change_seq.v2";
    private static final String SOURCES = "(source = 'slack' OR source = 'notion' OR source = 'nightjar' "
            + "OR (source = 'linear' AND kind IN ('comment', 'project-update', 'initiative-update')))";

    private final Database db;
    private final DocumentStore store;
    private final Clock clock;

    public DecisionLog(Database db, DocumentStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /** The nightly job's hook (step "truth" or "brief"): brings the decision log up to date with the store. */
    public static int refresh(dev.nightjar.Workspace ws) {
        return new DecisionLog(ws.database(), ws.documents(), ws.clock()).refresh();
    }

    /**
     * Re-extracts decisions of documents changed since the last call; returns how many documents were read.
     * A decision keeps the time it was first made: in a Slack thread the time of the message that states it
     * (not the thread's latest reply), elsewhere the document's creation time, and a decision already in
     * the log for the same document keeps its earlier time when the document is edited later (an edited
     * page does not make its old decisions new).
     */
    public synchronized int refresh() {
        if (store.maxChangeSeq() <= watermark()) return 0; // up to date: no lock, no write
        // One refresher at a time across processes and nodes (two `ask`s, two serve nodes delivering briefs):
        // the change feed's row lock (migration V6), then the watermark read again under it, so the second
        // finds the log already current instead of extracting the same decisions and inserting the same
        // watermark row twice. Never called inside a store write (which takes the same lock after its own).
        Integer read = db.tx().execute(s -> {
            db.jdbc().query("SELECT id FROM change_feed_lock WHERE id = 1 FOR UPDATE", rs -> { });
            return refreshUnderLock();
        });
        return read == null ? 0 : read;
    }

    private int refreshUnderLock() {
        long from = watermark();
        long to = store.maxChangeSeq();
        if (to <= from) return 0;
        List<StoredDocument> changed = store.query("change_seq > ? AND change_seq <= ? AND " + SOURCES, from, to);
        Instant now = clock.instant();
        db.tx().executeWithoutResult(s -> {
            Map<String, Instant> earlier = new HashMap<>();
            // on the first pass the log is rebuilt from scratch: times kept by an older extraction are not trusted
            if (from > 0) for (Decision d : forDocuments(changed.stream().map(StoredDocument::id).toList())) earlier.putIfAbsent(d.docId() + "\u0000" + d.text(), d.decidedAt());
            List<Object[]> deletes = changed.stream().map(d -> new Object[]{d.id()}).toList();
            db.jdbc().batchUpdate("DELETE FROM decisions WHERE doc_id = ?", deletes);
            List<Object[]> rows = new ArrayList<>();
            for (StoredDocument d : changed) {
                if (d.deleted()) continue;
                List<ThreadMessages.Message> messages = d.document().id().sourceKind().equals("slack:thread")
                        ? ThreadMessages.read(d.document().rawJson(), u -> null) : List.of();
                for (DecisionPatterns.Found f : DecisionPatterns.find(d.document().body())) {
                    Optional<ThreadMessages.Message> said = DecisionTimes.statedIn(messages, f);
                    String who = said.map(ThreadMessages.Message::author).orElse(f.speaker() != null ? f.speaker() : d.document().author());
                    Instant when = said.map(ThreadMessages.Message::at).orElseGet(() -> earlier.getOrDefault(d.id() + "\u0000" + f.text(), DecisionTimes.decidedAt(d.document(), d.firstSeenAt())));
                    rows.add(new Object[]{d.id(), f.text(), f.why(), who, ts(when), ts(now)});
                }
            }
            db.jdbc().batchUpdate("INSERT INTO decisions (doc_id, text, why, who, decided_at, extracted_at) VALUES (?,?,?,?,?,?)", rows);
            setWatermark(to, now);
        });
        return changed.size();
    }

    /** When a document's content was made at the source: creation time, else last update, else first seen. */
    /** Decisions whose source is one of {@code docIds}, newest first. */
    public List<Decision> forDocuments(Collection<String> docIds) {
        if (docIds.isEmpty()) return List.of();
        List<Decision> out = new ArrayList<>();
        List<String> ids = List.copyOf(docIds);
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
            out.addAll(db.jdbc().query(SELECT + " WHERE doc_id IN (" + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    DecisionLog::row, chunk.toArray()));
        }
        out.sort((a, b) -> compare(b.decidedAt(), a.decidedAt()));
        return out;
    }

    /** Every decision made at or after {@code since}, newest first (the caller checks access to the source). */
    public List<Decision> since(Instant since) {
        return db.jdbc().query(SELECT + " WHERE decided_at >= ? ORDER BY decided_at DESC", DecisionLog::row, ts(since));
    }

    /** All decisions, newest first (for "why did we …" over a free topic). */
    public List<Decision> all() {
        return db.jdbc().query(SELECT + " ORDER BY decided_at DESC", DecisionLog::row);
    }

    private static final String SELECT = "SELECT id, doc_id, text, why, who, decided_at FROM decisions";

    private static Decision row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
        return new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), at == null ? null : at.toInstant());
    }

    private long watermark() {
        Optional<String> v = db.jdbc().queryForList("SELECT state_value FROM skill_state WHERE name = ?", String.class, WATERMARK).stream().findFirst();
        return v.map(Long::parseLong).orElse(0L);
    }

    private void setWatermark(long seq, Instant now) {
        int n = db.jdbc().update("UPDATE skill_state SET state_value = ?, updated_at = ? WHERE name = ?", Long.toString(seq), ts(now), WATERMARK);
        if (n == 0) db.jdbc().update("INSERT INTO skill_state (name, state_value, updated_at) VALUES (?,?,?)", WATERMARK, Long.toString(seq), ts(now));
    }

    private static int compare(Instant a, Instant b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.compareTo(b);
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
