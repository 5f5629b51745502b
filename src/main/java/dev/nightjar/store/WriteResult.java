package dev.nightjar.store;

/** What one batch write did, for run summaries. */
public record WriteResult(int created, int changed, int unchanged, int deleted) {

    public static final WriteResult EMPTY = new WriteResult(0, 0, 0, 0);

    public WriteResult plus(WriteResult o) {
        return new WriteResult(created + o.created, changed + o.changed, unchanged + o.unchanged, deleted + o.deleted);
    }
}
