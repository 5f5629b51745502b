package dev.nightjar.feed;

import java.util.function.Supplier;

/**
 * A value read from the store, kept until the change feed's {@link ChangeFeed#generation() generation}
 * moves, then read again on the next request. For reads that every answer repeats and that change only
 * with the store (the Linear projects a question may name, the decision log): under load each answer ran
 * them again, at 100k documents ~14 % of {@code serve}'s answering CPU (BENCHMARKS.md, serve under load).
 * As current as the index: this process's writes move the generation at once, another node's when the
 * feed's timer drives it (every 10 s in {@code serve}).
 *
 * @param <T> an immutable value; callers share it
 */
public final class FeedCached<T> {

    private record Kept<T>(long generation, T value) {
    }

    private final ChangeFeed feed;
    private final Supplier<T> read;
    private volatile Kept<T> kept;

    public FeedCached(ChangeFeed feed, Supplier<T> read) {
        this.feed = feed;
        this.read = read;
    }

    /** The kept value, or a fresh read when the feed has moved since it was read. */
    public T get() {
        long generation = feed.generation(); // taken before the read: a change during it moves past it
        Kept<T> k = kept;
        if (k != null && k.generation() == generation) return k.value();
        T value = read.get();
        kept = new Kept<>(generation, value);
        return value;
    }
}
