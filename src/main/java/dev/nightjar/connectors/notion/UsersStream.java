package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.ObjectUnavailableException;
import dev.nightjar.connectors.Unreadable;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workspace members from {@code GET /v1/users} (100 a page), for their e-mails: pages only carry user
 * ids. Read in full every run (a workspace has few users; the endpoint has no time filter). An
 * integration without the "read user information" capability gets 403; that costs only the e-mails,
 * so the stream ends quietly instead of failing the sync.
 */
final class UsersStream implements SourceStream {

    static final String NAME = "users";

    private final NotionClient client;

    UsersStream(NotionClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Page read(String cursor) {
        NotionCursor c = NotionCursor.parse(cursor);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page_size", "100");
        query.put("start_cursor", c.after());
        JsonNode response;
        try {
            response = client.get("/v1/users", query);
        } catch (ObjectUnavailableException e) {
            if (e.status() != 403) throw e.at(NAME, cursor);
            // the integration lacks the "read user information" capability: people will have no e-mail
            return new Page(List.of(), "{}", true, List.of(Unreadable.of("users list", e)));
        } catch (ConnectorException e) {
            throw e.at(NAME, cursor);
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode user : response.path("results")) records.add(new SourceRecord(NAME, user));
        String next = NotionJson.text(response.path("next_cursor"));
        boolean last = !response.path("has_more").asBoolean(false) || next == null;
        return new Page(records, last ? "{}" : new NotionCursor(null, null, next, null).json(), last);
    }
}
