package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves configured channel names and ids to channels through {@code conversations.list}
 * (public and private channels the token can see, every page), and lists a private channel's
 * members for its ACL. Both are read once per run (kept {@link #MAX_AGE} so a long-running
 * {@code serve} process picks up renames and membership changes the next night).
 */
final class ChannelDirectory {

    /** Slack recommends no more than 200 items per page for list methods. */
    static final int LIST_LIMIT = 200;
    static final Duration MAX_AGE = Duration.ofHours(1);

    private final SlackClient client;
    private final Clock clock;
    private Map<String, JsonNode> byKey;
    private int visible;
    private Instant loadedAt;
    private final Map<String, List<String>> members = new HashMap<>();
    private final Map<String, Instant> membersAt = new HashMap<>();

    ChannelDirectory(SlackClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    synchronized Channel resolve(SlackSettings.ChannelRef ref) {
        if (byKey == null || Duration.between(loadedAt, clock.instant()).compareTo(MAX_AGE) > 0) load();
        JsonNode channel = byKey.get(ref.key());
        if (channel == null) {
            String shown = SlackSettings.ChannelRef.looksLikeId(ref.key()) ? ref.key() : "#" + ref.key();
            throw new ConnectorException(SlackClient.SOURCE, "channel " + shown + " (connectors/slack.yml "
                    + (ref.scratchpad() ? "scratchpad-channels" : "channels") + ") is not among the " + visible
                    + " public and private channels the token can see; check the name, or invite the app to a private channel");
        }
        return new Channel(channel.path("id").asText(), channel.path("name").asText(),
                channel.path("is_private").asBoolean(false), ref.scratchpad());
    }

    /** Member ids of a channel (every page of {@code conversations.members}). */
    synchronized List<String> members(String channelId) {
        Instant at = membersAt.get(channelId);
        if (at == null || Duration.between(at, clock.instant()).compareTo(MAX_AGE) > 0) {
            List<String> ids = new ArrayList<>();
            client.callAllPages("conversations.members", Map.of("channel", channelId, "limit", String.valueOf(LIST_LIMIT)),
                    page -> page.path("members").forEach(m -> ids.add(m.asText())));
            members.put(channelId, List.copyOf(ids));
            membersAt.put(channelId, clock.instant());
        }
        return members.get(channelId);
    }

    private void load() {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        int[] count = {0};
        client.callAllPages("conversations.list",
                Map.of("types", "public_channel,private_channel", "limit", String.valueOf(LIST_LIMIT)),
                page -> page.path("channels").forEach(c -> {
                    count[0]++;
                    map.put(c.path("id").asText(), c);
                    // Current and normalized names; a renamed channel is still found by its old name.
                    for (String field : List.of("name", "name_normalized")) {
                        String name = c.path(field).asText("");
                        if (!name.isEmpty()) map.putIfAbsent(name.toLowerCase(Locale.ROOT), c);
                    }
                    c.path("previous_names").forEach(p -> map.putIfAbsent(p.asText().toLowerCase(Locale.ROOT), c));
                }));
        byKey = map;
        visible = count[0];
        loadedAt = clock.instant();
    }
}
