package dev.nightjar.connectors;

import java.util.List;

/**
 * One page of a stream.
 *
 * @param records    the raw records, in source order
 * @param nextCursor where to resume after these records are saved (never null once anything was read)
 * @param last       true when the stream has nothing more for this run
 * @param unreadable objects met on this page that the source would not give us (read past, reported)
 */
public record Page(List<SourceRecord> records, String nextCursor, boolean last, List<Unreadable> unreadable) {
    public Page {
        records = List.copyOf(records);
        unreadable = List.copyOf(unreadable);
    }

    public Page(List<SourceRecord> records, String nextCursor, boolean last) {
        this(records, nextCursor, last, List.of());
    }
}
