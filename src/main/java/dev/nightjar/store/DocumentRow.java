package dev.nightjar.store;

import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.TruthAssessment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code documents} table's columns and one document's values for them, by column name. The column
 * list, the INSERT, the UPDATE and the values are derived from here, so adding a column is one entry in
 * {@link #COLUMNS} and one in {@link #values} instead of four positional lists kept in lockstep.
 * ({@link DocumentStore}'s row mapper reads columns by name.)
 */
final class DocumentRow {

    /** Every column the store reads and writes, in select order. */
    static final List<String> COLUMNS = List.of("id", "source", "kind", "doc_key", "url", "title", "body", "author", "participants",
            "created_at", "updated_at", "state", "projects", "labels", "properties", "metrics", "acl_everyone", "acl_principals", "raw_json",
            "content_hash", "version", "truth_level", "truth_reason", "review_by", "stale", "superseded_by", "deleted_at", "first_seen_at",
            "changed_at", "change_seq");

    /** What a new version of a document leaves as it was: its identity, truth's supersession, when the store first saw it. */
    private static final Set<String> KEPT_ON_UPDATE = Set.of("id", "source", "kind", "doc_key", "superseded_by", "first_seen_at");
    private static final List<String> UPDATED = COLUMNS.stream().filter(c -> !KEPT_ON_UPDATE.contains(c)).toList();

    /** {@code id, source, …}: the select list. */
    static final String SELECT_LIST = String.join(", ", COLUMNS);
    static final String INSERT = "INSERT INTO documents (" + SELECT_LIST + ") VALUES (" + String.join(",", COLUMNS.stream().map(c -> "?").toList()) + ")";
    static final String UPDATE = "UPDATE documents SET " + String.join(", ", UPDATED.stream().map(c -> c + "=?").toList()) + " WHERE id=?";

    private final Map<String, Object> values;

    private DocumentRow(Map<String, Object> values) {
        if (!values.keySet().equals(new LinkedHashSet<>(COLUMNS))) {
            throw new IllegalStateException("document row columns " + values.keySet() + " differ from " + COLUMNS);
        }
        this.values = values;
    }

    /**
     * The row of {@code d} as written now (not deleted, not superseded).
     *
     * @param version   1 for a new document, else the stored version or the next one
     * @param firstSeen when the store first saw the document (now, for a new one)
     * @param now       the write's time ({@code changed_at})
     * @param seq       the write's change sequence number
     */
    static DocumentRow of(Document d, String hash, int version, TruthAssessment t, Instant firstSeen, Instant now, long seq) {
        DocumentId id = d.id();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", id.toString());
        v.put("source", id.source());
        v.put("kind", id.kind());
        v.put("doc_key", id.key());
        v.put("url", d.url());
        v.put("title", DocumentStore.truncate(d.title(), 4000));
        v.put("body", d.body());
        v.put("author", d.author());
        v.put("participants", JsonColumns.write(d.participants()));
        v.put("created_at", DocumentStore.ts(d.createdAt()));
        v.put("updated_at", DocumentStore.ts(d.updatedAt()));
        v.put("state", d.state());
        v.put("projects", JsonColumns.write(d.projects()));
        v.put("labels", JsonColumns.write(d.labels()));
        v.put("properties", JsonColumns.write(d.properties()));
        v.put("metrics", JsonColumns.write(d.metrics()));
        v.put("acl_everyone", d.acl().everyone());
        v.put("acl_principals", JsonColumns.write(d.acl().principals()));
        v.put("raw_json", d.rawJson());
        v.put("content_hash", hash);
        v.put("version", version);
        v.put("truth_level", t.level().label());
        v.put("truth_reason", DocumentStore.truncate(t.reason(), 1000));
        v.put("review_by", DocumentStore.ts(t.reviewBy()));
        v.put("stale", t.stale());
        v.put("superseded_by", null);
        v.put("deleted_at", null);
        v.put("first_seen_at", DocumentStore.ts(firstSeen));
        v.put("changed_at", DocumentStore.ts(now));
        v.put("change_seq", seq);
        return new DocumentRow(v);
    }

    /** The arguments of {@link #INSERT}. */
    Object[] insertArgs() {
        return COLUMNS.stream().map(values::get).toArray();
    }

    /** The arguments of {@link #UPDATE}: the updated columns, then the id. */
    Object[] updateArgs() {
        List<Object> args = new ArrayList<>(UPDATED.size() + 1);
        for (String c : UPDATED) args.add(values.get(c));
        args.add(values.get("id"));
        return args.toArray();
    }
}
