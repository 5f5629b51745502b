package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.Unreadable;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of every data source (2025-09-03) or database (2022-06-28) shared with the integration. A walk
 * lists the containers once with {@code POST /v1/search}, then queries each one's rows
 * ({@code POST /v1/data_sources/{id}/query} or {@code /v1/databases/{id}/query}), 100 a page, filtered
 * server-side to rows edited on or after the watermark. One stream page = one query page, so a crash
 * resumes at the next query page of the same data source.
 *
 * <p>The next watermark is the walk's start time (less a minute for clock skew and Notion's minute
 * precision): rows edited while the walk runs are picked up by the next run, never skipped.
 */
final class RowsStream implements SourceStream {

    static final String NAME = "rows";
    static final String DATA_SOURCE = "_data_source";

    private final NotionClient client;
    private final BlockReader blocks;
    private final PropertyItems propertyItems;
    private final Clock clock;

    RowsStream(NotionClient client, BlockReader blocks, PropertyItems propertyItems, Clock clock) {
        this.client = client;
        this.blocks = blocks;
        this.propertyItems = propertyItems;
        this.clock = clock;
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
        if (c.sources() == null) {
            String next = clock.instant().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES).toString();
            c = new NotionCursor(c.since(), next, null, listSources());
        }
        if (c.sources().isEmpty()) return new Page(List.of(), NotionCursor.watermark(c.next()), true);

        NotionCursor.Source source = c.sources().getFirst();
        String since = c.since();
        String after = c.after();
        JsonNode response;
        try {
            response = query(source, since, after);
        } catch (ObjectUnavailableException e) {
            // one data source unshared or removed since the listing: report it and go on with the next
            List<Unreadable> note = List.of(Unreadable.of("data source " + source.id() + " (" + source.title() + ")", e));
            List<NotionCursor.Source> rest = c.sources().subList(1, c.sources().size());
            if (rest.isEmpty()) return new Page(List.of(), NotionCursor.watermark(c.next()), true, note);
            return new Page(List.of(), new NotionCursor(since, c.next(), null, List.copyOf(rest)).json(), false, note);
        }
        return rowsOf(c, source, since, response);
    }

    /** One query page of one data source, newest edit first, filtered to the watermark. */
    private JsonNode query(NotionCursor.Source source, String since, String after) {
        return client.post(v -> "/v1/" + v.queryCollection() + "/" + source.id() + "/query", v -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("page_size", 100);
            body.putArray("sorts").addObject().put("timestamp", "last_edited_time").put("direction", "descending");
            if (since != null) {
                body.putObject("filter").put("timestamp", "last_edited_time")
                        .putObject("last_edited_time").put("on_or_after", since);
            }
            if (after != null) body.put("start_cursor", after);
            return body;
        });
    }

    private Page rowsOf(NotionCursor c, NotionCursor.Source source, String since, JsonNode response) {
        List<SourceRecord> records = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (JsonNode row : response.path("results")) {
            if (!"page".equals(row.path("object").asText())) continue;
            ObjectNode record = row.deepCopy();
            record.putObject(DATA_SOURCE).put("id", source.id()).put("title", source.title());
            if (!NotionJson.isDeleted(row)) {
                propertyItems.complete(record, unreadable);
                record.set(BlockReader.CHILDREN, blocks.read(row.path("id").asText(), unreadable));
            }
            records.add(new SourceRecord(NAME, source.id(), record));
        }
        String nextCursor = NotionJson.text(response.path("next_cursor"));
        if (response.path("has_more").asBoolean(false) && nextCursor != null) {
            return new Page(records, new NotionCursor(since, c.next(), nextCursor, c.sources()).json(), false, unreadable);
        }
        List<NotionCursor.Source> rest = c.sources().subList(1, c.sources().size());
        if (rest.isEmpty()) return new Page(records, NotionCursor.watermark(c.next()), true, unreadable);
        return new Page(records, new NotionCursor(since, c.next(), null, List.copyOf(rest)).json(), false, unreadable);
    }

    /** Every data source (or database) the integration can see, via search (100 a page). */
    private List<NotionCursor.Source> listSources() {
        List<NotionCursor.Source> sources = new ArrayList<>();
        String after = null;
        do {
            String start = after;
            JsonNode response = client.post(v -> "/v1/search", v -> {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                body.putObject("filter").put("property", "object").put("value", v.containerObject());
                body.put("page_size", 100);
                if (start != null) body.put("start_cursor", start);
                return body;
            });
            for (JsonNode result : response.path("results")) {
                if (NotionJson.isDeleted(result)) continue;
                String object = result.path("object").asText();
                if (!object.equals("data_source") && !object.equals("database")) continue;
                sources.add(new NotionCursor.Source(result.path("id").asText(), NotionJson.plain(result.path("title"))));
            }
            after = response.path("has_more").asBoolean(false) ? NotionJson.text(response.path("next_cursor")) : null;
        } while (after != null);
        return sources;
    }
}
