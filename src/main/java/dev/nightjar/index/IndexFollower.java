package dev.nightjar.index;

import dev.nightjar.feed.Follower;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoreChanges;
import java.util.function.Supplier;

/**
 * The Lucene index as a follower of the change feed. Its position is the last change its commits record
 * ({@link DocumentIndex#appliedSeq()}); a committed write's documents are applied directly when they follow
 * on from it, anything else is replayed from the store.
 */
public final class IndexFollower implements Follower {

    private final Supplier<DocumentIndex> index;
    private final DocumentStore store;

    /** @param index the index, opened on first use (it catches up with the store when it opens) */
    public IndexFollower(Supplier<DocumentIndex> index, DocumentStore store) {
        this.index = index;
        this.store = store;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public int catchUp() {
        return index.get().catchUp(store);
    }

    @Override
    public int apply(StoreChanges committed) {
        return index.get().applyCommitted(committed, store);
    }
}
