package dev.nightjar.jobs;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.store.CursorStore;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a connector's streams one after another, a page at a time. Its position (which stream, which
 * cursor) is saved in the step's ExecutionContext with every chunk, so a restarted step resumes at the
 * page after the last committed one. A new run starts each stream at the cursor the store kept from the
 * previous run (incremental), or from nothing with {@code --full}.
 */
final class ConnectorPageReader implements ItemStreamReader<PageItem> {

    static final String STREAM_INDEX = "reader.stream.index";
    static final String CURSOR = "reader.cursor";
    static final String CURSOR_SET = "reader.cursor.set";

    private final Connector connector;
    private final List<SourceStream> streams;
    private final CursorStore cursors;
    private final boolean full;
    private final PipelineProgress progress;
    private int streamIndex;
    private String cursor;

    ConnectorPageReader(Connector connector, CursorStore cursors, boolean full, PipelineProgress progress) {
        this.connector = connector;
        this.streams = connector.streams();
        this.cursors = cursors;
        this.full = full;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(STREAM_INDEX)) {
            streamIndex = context.getInt(STREAM_INDEX);
            cursor = context.containsKey(CURSOR_SET) ? (String) context.get(CURSOR) : startCursor(streamIndex);
        } else {
            streamIndex = 0;
            cursor = startCursor(0);
        }
    }

    private String startCursor(int index) {
        if (full || index >= streams.size()) return null;
        return cursors.get(connector.source(), streams.get(index).name()).orElse(null);
    }

    @Override
    public PageItem read() {
        if (streamIndex >= streams.size()) return null;
        SourceStream stream = streams.get(streamIndex);
        Page page;
        try {
            page = stream.read(cursor);
        } catch (ConnectorException e) {
            throw e.at(stream.name(), cursor);
        }
        PageItem item = new PageItem(connector.source(), stream.name(), page.records(), cursor, page.nextCursor(), page.last(),
                page.unreadable());
        if (page.last()) {
            streamIndex++;
            cursor = startCursor(streamIndex);
        } else {
            cursor = page.nextCursor();
        }
        progress.page(connector.source(), page.records().size(), connector.stats());
        return item;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(STREAM_INDEX, streamIndex);
        context.put(CURSOR, cursor);
        context.put(CURSOR_SET, Boolean.TRUE);
    }
}
