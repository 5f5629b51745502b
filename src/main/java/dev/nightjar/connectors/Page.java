package dev.nightjar.connectors;

import java.util.List;

/**
 * One page of a stream.
 *
 * @param records    the raw records, in source order
 * @param nextCursor where to resume after these records are saved (never null once anything was read)
 * @param last       true when the stream has nothing more for this run
 */
public record Page(List<SourceRecord> records, String nextCursor, boolean last) {
    public Page {
        records = List.copyOf(records);
    }
}
