package dev.nightjar.store;

import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Documents, their versions and links. Every write is one transaction: a failed batch leaves the
 * previous state intact. Writes are idempotent by id: the same record twice is one version; a new
 * version is written only when {@link Document#contentHash()} changes.
 */
public final class DocumentStore {

    static final String COLUMNS = DocumentRow.SELECT_LIST;
    private static final int IN_CHUNK = 500;

    private final Database db;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong changeSeq;
    private final java.util.concurrent.locks.ReentrantLock writeLock = new java.util.concurrent.locks.ReentrantLock();
    private final DocumentQueries queries;
    private final List<Consumer<StoreChanges>> onCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

    public DocumentStore(Database db, Clock clock) {
        this.db = db;
        this.jdbc = db.jdbc();
        this.clock = clock;
        this.queries = new DocumentQueries(db);
        Long max = jdbc.queryForObject("SELECT MAX(change_seq) FROM documents", Long.class);
        this.changeSeq = new AtomicLong(max == null ? 0 : max);
    }

    /**
     * Registers what runs after each write commits (the change feed): it gets the write's changes, or null
     * when the write handed back no documents (truth updates, deletions of unseen documents). Inside a
     * surrounding transaction it runs once, after that transaction commits, with the writes' changes joined.
     */
    public void onCommit(Consumer<StoreChanges> listener) {
        onCommit.add(listener);
    }

    /**
     * Upserts a normalized batch in one transaction: documents (with their truth assessment), the
     * links they carry (a changed document's outgoing links are replaced), the people they name, and
     * the deletions the source reported.
     */
    public WriteResult write(Normalized batch, Function<Document, TruthAssessment> truth) {
        return writeBatch(batch, truth).result();
    }

    /** What {@link #writeBatch} did: the counts, and the changes the index may apply once the write commits. */
    public record Written(WriteResult result, StoreChanges changes) {
    }

    /**
     * As {@link #write}, also handing back the documents as written, so that the index can apply them
     * after the commit instead of reading them back from the store (see {@link StoreChanges}).
     */
    public Written writeBatch(Normalized batch, Function<Document, TruthAssessment> truth) {
        return locked(Written::changes, () -> db.tx().execute(status -> {
            Instant now = clock.instant();
            long firstSeq = changeSeq.get() + 1; // under the write lock: this write's numbers are contiguous
            List<StoredDocument> created = new ArrayList<>(), changed = new ArrayList<>();
            Map<String, Document> docs = new LinkedHashMap<>();
            for (Document d : batch.documents()) docs.put(d.id().toString(), d);
            Map<String, StoredDocument> existing = findAll(docs.keySet());

            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> versions = new ArrayList<>();
            Set<String> relinked = new LinkedHashSet<>();
            int unchanged = 0;
            for (Document d : docs.values()) {
                String id = d.id().toString();
                String hash = d.contentHash();
                StoredDocument old = existing.get(id);
                if (old != null && old.contentHash().equals(hash) && !old.deleted()) {
                    unchanged++;
                    continue;
                }
                TruthAssessment t = truth.apply(d);
                long seq = changeSeq.incrementAndGet();
                relinked.add(id);
                if (old == null) {
                    inserts.add(DocumentRow.of(d, hash, 1, t, now, now, seq).insertArgs());
                    versions.add(versionRow(d, 1, d.editedBy() != null ? d.editedBy() : d.author(), hash, now, "created"));
                    created.add(asStored(d, 1, hash, t, null, now, now, seq));
                } else {
                    int version = old.contentHash().equals(hash) ? old.version() : old.version() + 1;
                    updates.add(DocumentRow.of(d, hash, version, t, old.firstSeenAt(), now, seq).updateArgs());
                    changed.add(asStored(d, version, hash, t, old.supersededBy(), old.firstSeenAt(), now, seq));
                    if (version != old.version()) versions.add(versionRow(d, version, d.editedBy(), hash, now, Changes.between(old.document(), d)));
                }
            }
            jdbc.batchUpdate(DocumentRow.INSERT, inserts);
            jdbc.batchUpdate(DocumentRow.UPDATE, updates);
            jdbc.batchUpdate("INSERT INTO document_versions (doc_id, version, content_hash, title, body, state, author, properties, "
                    + "metrics, source_updated_at, recorded_at, changes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", versions);

            writeLinks(batch.links(), relinked);
            new PeopleStore(db).upsertAll(batch.people(), now);
            List<String> deletedIds = new ArrayList<>();
            int deleted = markDeleted(batch.deleted(), now, deletedIds);
            return new Written(new WriteResult(inserts.size(), updates.size(), unchanged, deleted),
                    new StoreChanges(firstSeq, changeSeq.get(), created, changed, deletedIds));
        }));
    }

    /**
     * The row as {@link #forEachChangedAfter} would read it back (title cut to the column's length, no raw
     * JSON), so that indexing from a write and replaying from the store give the same Lucene document.
     */
    private static StoredDocument asStored(Document d, int version, String hash, TruthAssessment t, String supersededBy,
                                           Instant firstSeen, Instant now, long seq) {
        Document row = d.toBuilder().title(truncate(d.title(), 4000)).rawJson(null).build();
        return new StoredDocument(row, version, hash, t.level(), truncate(t.reason(), 1000), t.reviewBy(), t.stale(), supersededBy,
                null, firstSeen, now, seq);
    }

    /**
     * Runs a write holding the store's write lock until its transaction ends. {@code change_seq} values
     * are handed out under this lock, so they commit in order and an index catch-up ("everything after
     * the last seq I indexed") can never skip a change that commits late. Inside a surrounding
     * transaction (a batch chunk) the lock is released when that transaction completes.
     */
    private <T> T locked(java.util.function.Supplier<T> write) {
        return locked(r -> null, write);
    }

    /** As {@link #locked(java.util.function.Supplier)}, then hands the write's changes to the change feed once it commits. */
    private <T> T locked(java.util.function.Function<T, StoreChanges> changesOf, java.util.function.Supplier<T> write) {
        T result;
        writeLock.lock();
        boolean releaseLater = false;
        try {
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
                org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                        new org.springframework.transaction.support.TransactionSynchronization() {
                            @Override
                            public void afterCompletion(int status) {
                                writeLock.unlock();
                            }
                        });
                releaseLater = true;
                result = inFeedOrder(write);
                pendingInTransaction().add(changesOf.apply(result));
                return result;
            }
            result = db.tx().execute(status -> inFeedOrder(write));
        } finally {
            if (!releaseLater) writeLock.unlock();
        }
        committed(changesOf.apply(result));
        return result;
    }

    private void committed(StoreChanges changes) {
        for (Consumer<StoreChanges> listener : onCommit) listener.accept(changes);
    }

    /**
     * The writes of the surrounding transaction, joined into one run of changes while their sequence
     * numbers follow on; the change feed gets them once that transaction has committed.
     */
    private PendingChanges pendingInTransaction() {
        PendingChanges pending = (PendingChanges) org.springframework.transaction.support.TransactionSynchronizationManager.getResource(this);
        if (pending != null) return pending;
        PendingChanges fresh = new PendingChanges();
        org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(this, fresh);
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        org.springframework.transaction.support.TransactionSynchronizationManager.unbindResourceIfPossible(DocumentStore.this);
                        if (status == STATUS_COMMITTED) committed(fresh.changes());
                    }
                });
        return fresh;
    }

    /** Changes of writes inside one surrounding transaction; null once a write handed back none or left a gap. */
    private static final class PendingChanges {
        private StoreChanges joined;
        private boolean first = true;

        void add(StoreChanges next) {
            joined = first ? next : joined == null || next == null ? null : joined.then(next);
            first = false;
        }

        StoreChanges changes() {
            return joined;
        }
    }

    /**
     * Inside the write's transaction: first the change feed's row lock ({@code change_feed_lock}, migration
     * V6), which every writer of every process and node sharing the database takes and holds to commit, so
     * two writers never hand out the same {@code change_seq} nor commit a lower one after a higher one (a
     * follower's "everything after the last seq I indexed" would skip it). Then stay above what the others
     * committed. A plain row lock works the same on H2 and PostgreSQL.
     */
    private <T> T inFeedOrder(java.util.function.Supplier<T> write) {
        jdbc.query("SELECT id FROM change_feed_lock WHERE id = 1 FOR UPDATE", rs -> { });
        Long committed = jdbc.queryForObject("SELECT MAX(change_seq) FROM documents", Long.class);
        if (committed != null) changeSeq.accumulateAndGet(committed, Math::max);
        return write.get();
    }

    /** Records that a (full) run saw these documents, so the reconcile step can find the ones it did not. */
    public void markSeen(Collection<String> ids, long runId) {
        if (ids.isEmpty()) return;
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            List<Object> args = new ArrayList<>();
            args.add(runId);
            args.addAll(chunk);
            jdbc.update("UPDATE documents SET seen_run=? WHERE id IN (" + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    args.toArray());
        }
    }

    /** After a complete full sync of {@code source}: documents the run did not see are gone from the source. */
    public int deleteUnseen(String source, long runId) {
        List<DocumentId> gone = jdbc.query("SELECT source, kind, doc_key FROM documents WHERE source=? AND deleted_at IS NULL "
                        + "AND (seen_run IS NULL OR seen_run <> ?)",
                (rs, i) -> new DocumentId(rs.getString(1), rs.getString(2), rs.getString(3)), source, runId);
        return locked(() -> db.tx().execute(s -> markDeleted(gone, clock.instant(), new ArrayList<>())));
    }

    private void writeLinks(List<Link> links, Set<String> relinked) {
        List<Object[]> deletes = relinked.stream().map(id -> new Object[]{id}).toList();
        jdbc.batchUpdate("DELETE FROM links WHERE from_id = ?", deletes);
        Set<List<String>> unique = new LinkedHashSet<>();
        for (Link l : links) unique.add(List.of(l.from().toString(), l.type().name(), l.to()));
        if (unique.isEmpty()) return;
        // Portable "insert if absent": links of unchanged documents are looked up once per batch, not per link
        Set<String> probed = new LinkedHashSet<>();
        for (List<String> l : unique) if (!relinked.contains(l.get(0))) probed.add(l.get(0));
        Set<List<String>> existing = existingLinksFrom(probed);
        List<Object[]> rows = new ArrayList<>();
        for (List<String> l : unique) {
            if (!relinked.contains(l.get(0)) && existing.contains(l)) continue;
            rows.add(l.toArray());
        }
        jdbc.batchUpdate("INSERT INTO links (from_id, link_type, to_ref) VALUES (?,?,?)", rows);
    }

    private Set<List<String>> existingLinksFrom(Collection<String> fromIds) {
        Set<List<String>> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(fromIds);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            jdbc.query("SELECT from_id, link_type, to_ref FROM links WHERE from_id IN ("
                    + String.join(",", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> { found.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3))); }, chunk.toArray());
        }
        return found;
    }

    /** Marks documents deleted (kept for history and audit, hidden from search). */
    private int markDeleted(Collection<DocumentId> ids, Instant now, List<String> deletedIds) {
        for (DocumentId id : ids) {
            if (jdbc.update("UPDATE documents SET deleted_at=?, changed_at=?, change_seq=? WHERE id=? AND deleted_at IS NULL",
                    ts(now), ts(now), changeSeq.incrementAndGet(), id.toString()) > 0) {
                deletedIds.add(id.toString());
            }
        }
        return deletedIds.size();
    }

    /** Updates the truth columns only (truth step, canonical marks); bumps change_seq so the index follows. */
    public void updateTruth(String id, TruthAssessment t, String supersededBy) {
        locked(() -> jdbc.update("UPDATE documents SET truth_level=?, truth_reason=?, review_by=?, stale=?, superseded_by=?, change_seq=? WHERE id=?",
                t.level().label(), t.reason(), ts(t.reviewBy()), t.stale(), supersededBy, changeSeq.incrementAndGet(), id));
    }

    public Optional<StoredDocument> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM documents WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Map<String, StoredDocument> findAll(Collection<String> ids) {
        Map<String, StoredDocument> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            for (StoredDocument d : jdbc.query("SELECT " + COLUMNS + " FROM documents WHERE id IN (" + marks + ")", ROW, chunk.toArray())) {
                found.put(d.id(), d);
            }
        }
        return found;
    }

    /** Current (not deleted) documents whose URL is {@code url}, ignoring a trailing slash. */
    public List<StoredDocument> findByUrl(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return jdbc.query("SELECT " + COLUMNS + " FROM documents WHERE url IN (?, ?) AND deleted_at IS NULL", ROW, trimmed, trimmed + "/");
    }

    /**
     * Streams every document changed after {@code seq}, in change order (index catch-up, reindex). The
     * raw source JSON is left out (null): the index does not need it and it is the largest column.
     */
    public void forEachChangedAfter(long seq, Consumer<StoredDocument> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT " + COLUMNS.replace("raw_json", "NULL AS raw_json")
                    + " FROM documents WHERE change_seq > ? ORDER BY change_seq");
            ps.setLong(1, seq);
            ps.setFetchSize(500);
            return ps;
        }, rs -> {
            consumer.accept(ROW.mapRow(rs, 0));
        });
    }

    /**
     * Every current (not deleted) document without the two large columns: the body comes back empty and
     * the raw JSON null. For passes over many documents that judge metadata only (truth levels, subjects),
     * so that a million-document store does not bring every body into memory.
     */
    public List<StoredDocument> currentMetadata() {
        return jdbc.query("SELECT " + COLUMNS.replace(" body,", " '' AS body,").replace("raw_json", "NULL AS raw_json")
                + " FROM documents WHERE deleted_at IS NULL", ROW);
    }

    /** The typed reads (documents by kind, project, state; canonical documents; links) that skills, Slack and truth make. */
    public DocumentQueries queries() {
        return queries;
    }

    /**
     * Documents matching a raw SQL condition: for the store's own classes (DecisionStore) and tests. Code
     * outside the store uses the typed {@link #queries()}; {@code StoreBoundaryTest} holds that rule.
     */
    public List<StoredDocument> query(String whereClause, Object... args) {
        return jdbc.query("SELECT " + COLUMNS + " FROM documents WHERE " + whereClause, ROW, args);
    }

    public long maxChangeSeq() {
        return changeSeq.get();
    }

    /** Every version of a document, oldest first. */
    public List<Version> versions(String id) {
        return jdbc.query("SELECT version, content_hash, state, recorded_at, changes, source_updated_at, author, title, properties "
                        + "FROM document_versions WHERE doc_id=? ORDER BY version",
                (rs, i) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs, 4), rs.getString(5),
                        instant(rs, 6), rs.getString(7), rs.getString(8), JsonColumns.textMap(rs.getString(9))), id);
    }

    /**
     * One stored version.
     *
     * @param recordedAt      when Nightjar stored it (the sync)
     * @param sourceUpdatedAt when the source says the change was made (null when it gives no time)
     * @param by              identity of who made the change, or null when the source does not say
     * @param changes         "created", or what changed ("state: open → done; title")
     * @param title           the title as of this version
     * @param properties      the source's metadata as of this version (what truth rules read)
     */
    public record Version(int version, String contentHash, String state, Instant recordedAt, String changes,
                          Instant sourceUpdatedAt, String by, String title, Map<String, String> properties) {

        /** The version's time: the source's, else (a source without times) when it was stored. */
        public Instant at() {
            return sourceUpdatedAt != null ? sourceUpdatedAt : recordedAt;
        }
    }

    public List<Link> linksFrom(String id) {
        return jdbc.query("SELECT from_id, link_type, to_ref FROM links WHERE from_id=?", LINK, id);
    }

    public List<Link> linksTo(String ref) {
        return jdbc.query("SELECT from_id, link_type, to_ref FROM links WHERE to_ref=?", LINK, ref);
    }

    private static final RowMapper<Link> LINK = DocumentQueries.LINK;

    /** @param by who made this version: the source's last editor, the creator for the first one, or null (unknown) */
    private static Object[] versionRow(Document d, int version, String by, String hash, Instant now, String changes) {
        return new Object[]{d.id().toString(), version, hash, truncate(d.title(), 4000), d.body(), d.state(), by,
                JsonColumns.write(d.properties()), JsonColumns.write(d.metrics()), ts(d.updatedAt()), ts(now), truncate(changes, 4000)};
    }

    static final RowMapper<StoredDocument> ROW = DocumentStore::mapRow;

    private static StoredDocument mapRow(ResultSet rs, int row) throws SQLException {
        DocumentId id = new DocumentId(rs.getString("source"), rs.getString("kind"), rs.getString("doc_key"));
        Acl acl = rs.getBoolean("acl_everyone") ? Acl.workspace() : Acl.members(JsonColumns.list(rs.getString("acl_principals")));
        Document d = Document.builder(id).url(rs.getString("url")).title(rs.getString("title")).body(rs.getString("body"))
                .author(rs.getString("author")).participants(JsonColumns.list(rs.getString("participants")))
                .createdAt(instant(rs, "created_at")).updatedAt(instant(rs, "updated_at")).state(rs.getString("state"))
                .projects(JsonColumns.list(rs.getString("projects"))).labels(JsonColumns.list(rs.getString("labels")))
                .properties(JsonColumns.textMap(rs.getString("properties"))).metrics(JsonColumns.numberMap(rs.getString("metrics")))
                .acl(acl).rawJson(rs.getString("raw_json")).build();
        return new StoredDocument(d, rs.getInt("version"), rs.getString("content_hash"), TruthLevel.fromLabel(rs.getString("truth_level")),
                rs.getString("truth_reason"), instant(rs, "review_by"), rs.getBoolean("stale"), rs.getString("superseded_by"),
                instant(rs, "deleted_at"), instant(rs, "first_seen_at"), instant(rs, "changed_at"), rs.getLong("change_seq"));
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }


    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
