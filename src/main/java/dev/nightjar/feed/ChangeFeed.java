package dev.nightjar.feed;

import dev.nightjar.store.StoreChanges;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives every follower of the store's change feed to the latest change sequence. The store calls
 * {@link #committed} after each write commits, so no caller has to remember to bring a derived view up to
 * date; {@code serve} also {@link #drive drives} it on a timer, for the writes of other processes and nodes
 * sharing the database. A follower that fails is logged in one line and left at its own position: the data
 * is already committed, and the next drive (the next write, the timer, the next start) repairs the view.
 */
public final class ChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    /** Moves each time the followers take in changes: see {@link #generation()}. */
    private final AtomicLong generation = new AtomicLong();

    /** Adds a follower; followers are driven in the order they were added. */
    public ChangeFeed follow(Follower follower) {
        followers.add(follower);
        return this;
    }

    /** The followers, in driving order. */
    public List<Follower> followers() {
        return List.copyOf(followers);
    }

    /**
     * After a store write committed: each follower takes it in ({@code changes} may be null when the write
     * handed back no documents, e.g. a truth update). Returns the number of changes the followers read.
     */
    public int committed(StoreChanges changes) {
        int read = 0;
        // every commit moves the generation, whatever the followers report reading (a follower opened by this very
        // write catches up while opening and then reads nothing more)
        generation.incrementAndGet();
        for (Follower f : followers) read += guarded(f, () -> changes == null ? f.catchUp() : f.apply(changes));
        generation.incrementAndGet();
        return read;
    }

    /** Brings every follower up to the store's latest change; returns the number of changes they read. */
    public int drive() {
        int read = 0;
        for (Follower f : followers) read += guarded(f, f::catchUp);
        if (read > 0) generation.incrementAndGet();
        return read;
    }

    /**
     * A number that moves after the followers take in any change (this process's writes at once, other
     * processes' when {@link #drive} finds them): what was read from the store under one generation may be
     * kept and reused until it moves, and is then as current as the index. See {@link FeedCached}.
     */
    public long generation() {
        return generation.get();
    }

    private static int guarded(Follower f, java.util.function.IntSupplier step) {
        try {
            return step.getAsInt();
        } catch (RuntimeException e) {
            log.warn("the {} follower could not follow the change feed (it catches up on the next drive): {}", f.name(), e.getMessage());
            log.debug("follower failure", e);
            return 0;
        }
    }
}
