package dev.nightjar.connectors;

import java.util.ArrayList;
import java.util.List;

/** Test helper: reads a stream to its last page, the way the job does, and keeps what it saw. */
public final class StreamDrain {

    /** @param unreadable the objects the stream read past, in the order met */
    public record Result(List<SourceRecord> records, String cursor, int pages, List<Unreadable> unreadable) {
    }

    private StreamDrain() {
    }

    public static Result drain(SourceStream stream, String cursor) {
        List<SourceRecord> records = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        int pages = 0;
        Page page;
        do {
            page = stream.read(cursor);
            pages++;
            records.addAll(page.records());
            unreadable.addAll(page.unreadable());
            cursor = page.nextCursor();
        } while (!page.last());
        return new Result(records, cursor, pages, unreadable);
    }
}
