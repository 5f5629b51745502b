package dev.nightjar.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

/**
 * Searchers that see every write applied before they were acquired, refreshed when a search needs it
 * rather than after every write. A near-real-time refresh flushes the writer's buffer into a new segment;
 * refreshing after each 1,000-document batch of a sync left 100 small segments per 100k documents for the
 * merges to rewrite, which was most of the gap to raw Lucene (BENCHMARKS.md figure 1). A sync that nobody
 * searches meanwhile now flushes by the writer's RAM buffer only; a search after a write still sees it
 * (read-your-writes, as before).
 */
final class FreshSearchers {

    private final SearcherManager searchers;
    /** Set after a write is applied; cleared by the refresh that makes it visible. */
    private final AtomicBoolean behind = new AtomicBoolean();

    FreshSearchers(SearcherManager searchers) {
        this.searchers = searchers;
    }

    /** A write was applied to the writer: the next {@link #acquire()} refreshes first. */
    void written() {
        behind.set(true);
    }

    /**
     * A searcher with every write applied before this call. Release it with {@link #release}.
     *
     * @throws UncheckedIOException when the refresh cannot open the new segments
     */
    IndexSearcher acquire() throws IOException {
        // cleared before the refresh: a write applied during it sets the flag again for the next search
        if (behind.getAndSet(false)) searchers.maybeRefreshBlocking();
        return searchers.acquire();
    }

    /** The last refreshed view, without refreshing (for reusing stored vectors, where an older view only costs work). */
    IndexSearcher acquireAsIs() throws IOException {
        return searchers.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        searchers.release(searcher);
    }

    /** Refreshes now (a commit, or another process's commit to read). */
    void refresh() throws IOException {
        behind.set(false);
        searchers.maybeRefreshBlocking();
    }

    void close() throws IOException {
        searchers.close();
    }
}
