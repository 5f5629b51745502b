package dev.nightjar.store;

import java.util.List;

/**
 * What one committed store write changed, for the index to apply without reading it back: the change
 * sequence numbers the write reserved ({@code firstSeq..lastSeq}, every one of them, including numbers
 * of deletions that found nothing to delete), the documents it created and changed as the store now holds
 * them, and the ids it marked deleted. The sequence range is what keeps replay-based recovery exact: the
 * index applies these only when {@code firstSeq} directly follows the last change it applied, and
 * otherwise replays from the store.
 *
 * @param created documents inserted by this write (never seen by the store, hence never indexed)
 * @param changed documents updated by this write
 * @param deleted ids marked deleted by this write
 */
public record StoreChanges(long firstSeq, long lastSeq, List<StoredDocument> created, List<StoredDocument> changed,
                           List<String> deleted) {

    /** The write reserved no sequence numbers (everything was unchanged). */
    public boolean isEmpty() {
        return lastSeq < firstSeq;
    }

    /** This write followed by {@code next}, when next's range continues this one; otherwise null. */
    public StoreChanges then(StoreChanges next) {
        if (next.isEmpty()) return this;
        if (isEmpty()) return next;
        if (next.firstSeq != lastSeq + 1) return null;
        return new StoreChanges(firstSeq, next.lastSeq, concat(created, next.created), concat(changed, next.changed),
                concat(deleted, next.deleted));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
