package dev.nightjar.skills;

import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.store.DocumentQueries;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store as one reader may see it. Every document a skill turns into a fact comes through here, so
 * the ACL and the "not deleted" check apply to linked documents reached by the walk as much as to
 * search hits. Link look-ups are batched by the store (one query per 500 ids) to keep the walk free of N+1 queries.
 */
public final class Corpus {

    /** Most documents {@link #findAll} keeps between answers (~2 KB each): the popular ones of a busy day. */
    static final int KEPT_DOCUMENTS = 20_000;

    private final DocumentStore store;
    private final Viewer viewer;
    /** Documents read under the change feed's current generation, shared by every reader; null: read each time. */
    private final Supplier<Map<String, StoredDocument>> kept;

    public Corpus(DocumentStore store, Viewer viewer) {
        this(store, viewer, null);
    }

    /**
     * @param kept the documents already read under the change feed's current generation, shared by the readers of a
     *             long-running process ({@code Workspace.keptDocuments()}): an answer's hits are read from the store
     *             once per change of the store, not once per answer (a quarter of {@code serve}'s answering CPU at 100k
     *             documents, BENCHMARKS.md). Kept as read, before any reader's access is applied.
     */
    public Corpus(DocumentStore store, Viewer viewer, Supplier<Map<String, StoredDocument>> kept) {
        this.store = store;
        this.viewer = viewer;
        this.kept = kept;
    }

    public Viewer viewer() {
        return viewer;
    }

    public DocumentStore store() {
        return store;
    }

    public Optional<StoredDocument> find(String id) {
        if (kept != null) return findAll(List.of(id)).stream().findFirst();
        return store.find(id).filter(this::visible);
    }

    /** The visible, current documents among {@code ids}, in the order given. */
    public List<StoredDocument> findAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        Map<String, StoredDocument> found = kept == null ? store.findAll(ids) : readThroughKept(ids);
        List<StoredDocument> out = new ArrayList<>();
        for (String id : new java.util.LinkedHashSet<>(ids)) {
            StoredDocument d = found.get(id);
            if (d != null && visible(d)) out.add(d);
        }
        return out;
    }

    /**
     * The documents one of the store's typed queries returns, keeping those this reader may see, in the
     * query's order: {@code corpus.select(q -> q.ofKinds(DocumentKind.PLANNING))}.
     */
    public List<StoredDocument> select(java.util.function.Function<DocumentQueries, List<StoredDocument>> query) {
        return query.apply(store.queries()).stream().filter(this::visible).toList();
    }

    private Map<String, StoredDocument> readThroughKept(Collection<String> ids) {
        Map<String, StoredDocument> keep = kept.get();
        Map<String, StoredDocument> found = new java.util.HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            StoredDocument d = keep.get(id);
            if (d != null) found.put(id, d);
            else missing.add(id);
        }
        if (missing.isEmpty()) return found;
        Map<String, StoredDocument> read = store.findAll(missing);
        found.putAll(read);
        if (keep.size() < KEPT_DOCUMENTS) keep.putAll(read); // bounded: past it, the rest of this generation reads through
        return found;
    }

    public boolean visible(StoredDocument d) {
        return !d.deleted() && viewer.canSee(d.document().acl());
    }

    /** Links pointing at any of {@code targets}, optionally only of the given types. */
    public List<Link> linksTo(Collection<String> targets, LinkType... types) {
        return store.queries().linksTo(targets, types);
    }

    /** Links leaving any of {@code sources}, optionally only of the given types. */
    public List<Link> linksFrom(Collection<String> sources, LinkType... types) {
        return store.queries().linksFrom(sources, types);
    }

    /** Links whose target starts with {@code prefix} (e.g. a Notion page's {@code url:} reference to a Linear project). */
    public List<Link> linksToPrefix(String prefix) {
        return store.queries().linksToPrefix(prefix);
    }

    /** Index of documents by id, keeping order. */
    public static Map<String, StoredDocument> byId(Collection<StoredDocument> docs) {
        Map<String, StoredDocument> m = new LinkedHashMap<>();
        for (StoredDocument d : docs) m.put(d.id(), d);
        return m;
    }
}
