package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The workspace's users by member id, so messages can name their posters and mentions. The
 * {@code users} stream fills it as it pages through {@code users.list}; when that stream did not
 * run in this process (a restart resumed at a channel), the first lookup lists the users itself.
 */
final class UserDirectory {

    private final SlackClient client;
    private final Clock clock;
    private final Map<String, JsonNode> users = new HashMap<>();
    private Instant completeAt;

    UserDirectory(SlackClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    synchronized void startListing() {
        users.clear();
        completeAt = null;
    }

    synchronized void add(JsonNode member) {
        String id = member.path("id").asText("");
        if (!id.isEmpty()) users.put(id, member);
    }

    synchronized void listingComplete() {
        completeAt = clock.instant();
    }

    /** The user's {@code users.list} record, or null when the workspace does not know the id. */
    synchronized JsonNode get(String userId) {
        if (completeAt == null || Duration.between(completeAt, clock.instant()).compareTo(ChannelDirectory.MAX_AGE) > 0) {
            startListing();
            client.callAllPages("users.list", Map.of("limit", String.valueOf(ChannelDirectory.LIST_LIMIT)),
                    page -> page.path("members").forEach(this::add));
            listingComplete();
        }
        return users.get(userId);
    }
}
