package dev.nightjar.feed;

import dev.nightjar.store.StoreChanges;

/**
 * A view derived from the store's change feed (the Lucene index, the decision log, ...). A follower keeps
 * its own position (the last {@code change_seq} it has taken in) where it keeps its data, so it is
 * idempotent (following twice to the same sequence changes nothing) and restartable: after a crash between
 * a store commit and the follow, the next {@link #catchUp()} starts from that position and repairs it.
 */
public interface Follower {

    /** A short name for logs ("index", "decisions"). */
    String name();

    /** Takes in every store change after this follower's own position; returns how many changes it read. */
    int catchUp();

    /**
     * Takes in a write that has just committed, when the follower can use the documents the write handed
     * back instead of reading them again; a follower that cannot (or sees a gap) catches up from its position.
     */
    default int apply(StoreChanges committed) {
        return catchUp();
    }
}
