package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.Unreadable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-alone pages shared with the integration: {@code POST /v1/search} for pages, newest edit first,
 * 100 a page, until a page older than the watermark appears (search has no time filter, but sorting by
 * {@code last_edited_time} descending lets us stop there). Only pages edited since the watermark have
 * their blocks read. Database rows are left to {@link RowsStream}, which knows their data source.
 */
final class PagesStream implements SourceStream {

    static final String NAME = "pages";

    private final NotionClient client;
    private final BlockReader blocks;
    private final PropertyItems propertyItems;

    PagesStream(NotionClient client, BlockReader blocks, PropertyItems propertyItems) {
        this.client = client;
        this.blocks = blocks;
        this.propertyItems = propertyItems;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Page read(String cursor) {
        try {
            return readPage(NotionCursor.parse(cursor));
        } catch (ConnectorException e) {
            throw e.at(NAME, cursor);
        }
    }

    private Page readPage(NotionCursor c) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("filter").put("property", "object").put("value", "page");
        body.putObject("sort").put("timestamp", "last_edited_time").put("direction", "descending");
        body.put("page_size", 100);
        if (c.after() != null) body.put("start_cursor", c.after());
        JsonNode response = client.post("/v1/search", body);

        Instant since = NotionJson.instant(c.since());
        Instant next = NotionJson.instant(c.next());
        List<SourceRecord> records = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        boolean reachedWatermark = false;
        for (JsonNode result : response.path("results")) {
            Instant edited = NotionJson.instant(result.path("last_edited_time").asText(null));
            // Notion's last_edited_time has minute precision: re-read the watermark's own minute.
            if (since != null && edited != null && edited.isBefore(since)) {
                reachedWatermark = true;
                break;
            }
            if (edited != null && (next == null || edited.isAfter(next))) next = edited;
            if (!"page".equals(result.path("object").asText()) || NotionJson.isRow(result)) continue;
            ObjectNode record = result.deepCopy();
            if (!NotionJson.isDeleted(result)) {
                propertyItems.complete(record, unreadable);
                record.set(BlockReader.CHILDREN, blocks.read(result.path("id").asText(), unreadable));
            }
            records.add(new SourceRecord(NAME, record));
        }
        String nextCursor = NotionJson.text(response.path("next_cursor"));
        boolean last = reachedWatermark || !response.path("has_more").asBoolean(false) || nextCursor == null;
        String watermark = next != null ? next.toString() : c.since();
        return new Page(records, last ? NotionCursor.watermark(watermark)
                : new NotionCursor(c.since(), watermark, nextCursor, null).json(), last, unreadable);
    }
}
