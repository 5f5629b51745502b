package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code users.list}, every page, every run: the method has no "changed since" filter, and a
 * workspace's user list is small (200 per page), so the whole list is the change set. The cursor
 * is Slack's page cursor while a listing is under way and {@code {"listed": "<time>"}} after it.
 */
final class UsersStream implements SourceStream {

    static final String NAME = "users";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackClient client;
    private final UserDirectory directory;
    private final Clock clock;
    private boolean listingFromStart;

    UsersStream(SlackClient client, UserDirectory directory, Clock clock) {
        this.client = client;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Page read(String cursor) {
        try {
            String page = pageOf(cursor);
            if (page == null) {
                directory.startListing();
                listingFromStart = true;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("limit", String.valueOf(ChannelDirectory.LIST_LIMIT));
            if (page != null) params.put("cursor", page);
            JsonNode body = client.call("users.list", params);
            List<SourceRecord> records = new ArrayList<>();
            for (JsonNode member : body.path("members")) {
                directory.add(member);
                records.add(new SourceRecord(NAME, member));
            }
            String next = SlackClient.nextCursor(body);
            ObjectNode nextCursor = JSON.createObjectNode();
            if (next != null) {
                nextCursor.put("page", next);
                return new Page(records, nextCursor.toString(), false);
            }
            // Only a listing read from its first page in this process is complete.
            if (listingFromStart) directory.listingComplete();
            listingFromStart = false;
            nextCursor.put("listed", clock.instant().toString());
            return new Page(records, nextCursor.toString(), true);
        } catch (ConnectorException e) {
            throw e.at(NAME, cursor);
        }
    }

    private static String pageOf(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String page = JSON.readTree(cursor).path("page").asText("");
            return page.isEmpty() ? null : page;
        } catch (Exception e) {
            return null; // an unreadable users cursor just means: list again from the start
        }
    }
}
