package dev.nightjar.jobs;

import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.Unreadable;
import java.util.List;

/**
 * The unit of work of a source step: one page of one stream. A chunk is one page, so the cursor after
 * the page commits in the same transaction as the page's documents, and so do the objects it could not
 * read ({@code unreadable}), which are counted once, with the page that met them.
 */
record PageItem(String source, String stream, List<SourceRecord> records, String cursorBefore, String nextCursor,
                boolean lastOfStream, List<Unreadable> unreadable) {
}
