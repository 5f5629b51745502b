package dev.nightjar.skills;

import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store as one reader may see it. Every document a skill turns into a fact comes through here, so
 * the ACL and the "not deleted" check apply to linked documents reached by the walk as much as to
 * search hits. Link look-ups are batched (one query per 500 ids) to keep the walk free of N+1 queries.
 */
public final class Corpus {

    private static final int CHUNK = 500;

    private final DocumentStore store;
    private final Database db;
    private final Viewer viewer;

    public Corpus(DocumentStore store, Database db, Viewer viewer) {
        this.store = store;
        this.db = db;
        this.viewer = viewer;
    }

    public Viewer viewer() {
        return viewer;
    }

    public DocumentStore store() {
        return store;
    }

    public Optional<StoredDocument> find(String id) {
        return store.find(id).filter(this::visible);
    }

    /** The visible, current documents among {@code ids}, in the order given. */
    public List<StoredDocument> findAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, StoredDocument> found = store.findAll(ids);
        List<StoredDocument> out = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            StoredDocument d = found.get(id);
            if (d != null && visible(d)) out.add(d);
        }
        return out;
    }

    /** Documents matching a SQL condition on the documents table, filtered by visibility. */
    public List<StoredDocument> query(String where, Object... args) {
        return store.query(where, args).stream().filter(this::visible).toList();
    }

    public boolean visible(StoredDocument d) {
        return !d.deleted() && viewer.canSee(d.document().acl());
    }

    /** Links pointing at any of {@code targets}, optionally only of the given types. */
    public List<Link> linksTo(Collection<String> targets, LinkType... types) {
        return links("to_ref", targets, types);
    }

    /** Links leaving any of {@code sources}, optionally only of the given types. */
    public List<Link> linksFrom(Collection<String> sources, LinkType... types) {
        return links("from_id", sources, types);
    }

    /** Links whose target starts with {@code prefix} (e.g. a Notion page's {@code url:} reference to a Linear project). */
    public List<Link> linksToPrefix(String prefix) {
        String escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return db.jdbc().query("SELECT from_id, link_type, to_ref FROM links WHERE to_ref LIKE ? ESCAPE '\\'", Corpus::link, escaped + "%");
    }

    private List<Link> links(String column, Collection<String> refs, LinkType... types) {
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(refs));
        List<Link> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> args = new ArrayList<>(chunk);
            StringBuilder sql = new StringBuilder("SELECT from_id, link_type, to_ref FROM links WHERE ").append(column)
                    .append(" IN (").append(String.join(",", Collections.nCopies(chunk.size(), "?"))).append(')');
            if (types.length > 0) {
                sql.append(" AND link_type IN (").append(String.join(",", Collections.nCopies(types.length, "?"))).append(')');
                for (LinkType t : types) args.add(t.name());
            }
            out.addAll(db.jdbc().query(sql.toString(), Corpus::link, args.toArray()));
        }
        return out;
    }

    private static Link link(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Link(DocumentId.parse(rs.getString(1)), LinkType.valueOf(rs.getString(2)), rs.getString(3));
    }

    /** Index of documents by id, keeping order. */
    public static Map<String, StoredDocument> byId(Collection<StoredDocument> docs) {
        Map<String, StoredDocument> m = new LinkedHashMap<>();
        for (StoredDocument d : docs) m.put(d.id(), d);
        return m;
    }
}
