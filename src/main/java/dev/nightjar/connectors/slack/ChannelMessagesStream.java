package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Unreadable;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One channel's messages: one record per thread (root and every reply) or standalone message.
 *
 * <p>Each {@link #read} is one {@code conversations.history} page (newest first, {@value #HISTORY_LIMIT}
 * per page) plus the {@code conversations.replies} pages of the threads on it that need reading.
 *
 * <p><b>Late replies.</b> {@code conversations.history?oldest=<watermark>} lists only top-level
 * messages posted since the watermark, so a reply added today to last week's thread never shows up
 * there. Each incremental walk therefore starts at {@code min(watermark, now - lookback)}: the
 * roots of the lookback window come back with their current {@code latest_reply} and
 * {@code reply_count}, and only threads whose pair differs from the one remembered in the cursor
 * have their replies read again. Re-listing the window costs ceil(top-level messages in the window
 * / 999) history calls (one for almost every channel), whereas checking each remembered thread with
 * {@code conversations.replies} would cost one Tier 3 call per active thread per night. The price is
 * a cursor that remembers one short entry per thread inside the window. A reply to a thread older
 * than the window is only seen if it is also sent to the channel (a {@code thread_broadcast}), or
 * by a full sync. An edit of a top-level message in the window is seen the same way, through its
 * {@code edited.ts} (edits of replies are not visible in history and wait for the thread's next change).
 */
final class ChannelMessagesStream implements SourceStream {

    /** {@code conversations.history} and {@code .replies} accept a limit under 1000 (internal apps). */
    static final int HISTORY_LIMIT = 999;
    static final int REPLIES_LIMIT = 999;

    private static final Logger log = LoggerFactory.getLogger(ChannelMessagesStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final SlackSettings.ChannelRef ref;
    /** Slack's errors that concern this one channel (see SlackClient's hints for what to do). */
    private static final Set<String> UNREADABLE_CHANNEL = Set.of("not_in_channel", "channel_not_found", "access_denied");
    private final SlackClient client;
    private final ChannelDirectory channels;
    private final UserDirectory users;
    private final Workspace workspace;
    private final Clock clock;
    private final Duration lookback;

    ChannelMessagesStream(SlackSettings.ChannelRef ref, SlackClient client, ChannelDirectory channels, UserDirectory users,
                          Workspace workspace, Clock clock, Duration lookback) {
        this.name = streamName(ref);
        this.ref = ref;
        this.client = client;
        this.channels = channels;
        this.users = users;
        this.workspace = workspace;
        this.clock = clock;
        this.lookback = lookback;
    }

    static String streamName(SlackSettings.ChannelRef ref) {
        return "messages:" + ref.key();
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * A channel Slack will not give us ({@code not_in_channel}, {@code channel_not_found} once listed)
     * is reported as unreadable with Slack's hint and this stream ends with the cursor it had, so the
     * other channels are read; any other error fails the source.
     */
    @Override
    public Page read(String cursorText) {
        try {
            return readPage(HistoryCursor.parse(cursorText));
        } catch (SlackClient.SlackApiException e) {
            if (!UNREADABLE_CHANNEL.contains(e.error())) throw e.at(name, cursorText);
            String reason = e.getMessage().substring(e.getMessage().indexOf(": ") + 2);
            String before = cursorText != null ? cursorText : HistoryCursor.parse(null).json();
            return new Page(List.of(), before, true, List.of(new Unreadable("channel " + ref.key(), reason)));
        } catch (ConnectorException e) {
            throw e.at(name, cursorText);
        }
    }

    private Page readPage(HistoryCursor cursor) {
        Channel channel = channels.resolve(ref);
        if (!cursor.walking) cursor.startWalk(Ts.of(clock.instant().minus(lookback)));

        Map<String, String> params = new LinkedHashMap<>();
        params.put("channel", channel.id());
        params.put("limit", String.valueOf(HISTORY_LIMIT));
        if (cursor.oldest != null) params.put("oldest", cursor.oldest);
        if (cursor.page != null) params.put("cursor", cursor.page);
        JsonNode body = client.call("conversations.history", params);

        String watermark = cursor.watermark;
        Set<String> threadsRead = new HashSet<>();
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String ts = message.path("ts").asText(null);
            if (!Ts.valid(ts)) {
                records.add(record(channel, List.of(message)));   // the normalizer reports it as malformed
                continue;
            }
            cursor.top = Ts.max(cursor.top, ts);
            boolean isNew = watermark == null || Ts.after(ts, watermark);
            String threadTs = message.path("thread_ts").asText(ts);

            if (!threadTs.equals(ts)) {
                // A reply also sent to the channel. Its root is read below when it is inside this walk;
                // when the root is older, the broadcast is the only sign the old thread changed.
                if (isNew && Ts.valid(threadTs) && cursor.oldest != null && Ts.compare(threadTs, cursor.oldest) <= 0
                        && threadsRead.add(threadTs)) {
                    threadRecord(channel, threadTs, null).ifPresent(records::add);
                }
                continue;
            }

            int replyCount = message.path("reply_count").asInt(0);
            String editedTs = message.path("edited").path("ts").asText(null);
            if (!Ts.valid(editedTs)) editedTs = null;
            String version = version(replyCount, message.path("latest_reply").asText(""), editedTs);
            boolean known = cursor.threads().containsKey(ts);
            String remembered = cursor.threads().get(ts);
            // Known messages compare their own remembered version (no cross-message timing involved);
            // an unknown one in the window changed if it has replies or was edited after the watermark.
            boolean changed = known ? !Objects.equals(remembered, version)
                    : replyCount > 0 || (editedTs != null && watermark != null && Ts.after(editedTs, watermark));
            if (version != null && Ts.compare(ts, cursor.horizon) >= 0) cursor.threads().put(ts, version);
            else cursor.threads().remove(ts);

            if (!isNew && !changed) continue;
            boolean hadReplies = remembered != null && remembered.contains("#");
            if (replyCount > 0 || hadReplies) {
                if (threadsRead.add(ts)) threadRecord(channel, ts, message).ifPresent(records::add);
            } else if (!MessageFilter.isNoise(message)) {
                records.add(record(channel, List.of(message)));
            }
        }

        String next = SlackClient.nextCursor(body);
        if (next == null) {
            cursor.finishWalk();
            return new Page(records, cursor.json(), true);
        }
        cursor.page = next;
        return new Page(records, cursor.json(), false);
    }

    /**
     * What the cursor remembers of a top-level message in the window: {@code latest_reply#reply_count}
     * for a thread, {@code @edited.ts} when edited; null when there is nothing to watch.
     */
    static String version(int replyCount, String latestReply, String editedTs) {
        String v = (replyCount > 0 ? latestReply + "#" + replyCount : "") + (editedTs != null ? "@" + editedTs : "");
        return v.isEmpty() ? null : v;
    }

    /** Root and every reply of a thread ({@code conversations.replies}, every page), as one record. */
    private java.util.Optional<SourceRecord> threadRecord(Channel channel, String rootTs, JsonNode rootFromHistory) {
        Map<String, JsonNode> byTs = new LinkedHashMap<>();
        try {
            client.callAllPages("conversations.replies",
                    Map.of("channel", channel.id(), "ts", rootTs, "limit", String.valueOf(REPLIES_LIMIT)),
                    page -> page.path("messages").forEach(m -> byTs.putIfAbsent(m.path("ts").asText(""), m)));
        } catch (SlackClient.SlackApiException e) {
            if (!"thread_not_found".equals(e.error())) throw e;
            log.info("slack: thread {} in {} is gone; keeping what history still shows", rootTs, name);
        }
        if (byTs.isEmpty() && rootFromHistory != null) byTs.put(rootTs, rootFromHistory);
        if (byTs.isEmpty()) return java.util.Optional.empty();
        List<JsonNode> messages = new ArrayList<>(byTs.values());
        // Root first, then replies oldest first, whatever order the pages came in.
        messages.sort((a, b) -> Ts.compare(a.path("ts").asText("0"), b.path("ts").asText("0")));
        return java.util.Optional.of(record(channel, messages));
    }

    /**
     * A thread as one self-contained record, so the normalizer needs no I/O: the API's messages
     * plus the channel, the workspace address, the users named in it and, for a private channel,
     * the members who may read it.
     */
    private SourceRecord record(Channel channel, List<JsonNode> messages) {
        ObjectNode record = JSON.createObjectNode();
        ObjectNode ch = record.putObject("channel");
        ch.put("id", channel.id());
        ch.put("name", channel.name());
        ch.put("is_private", channel.isPrivate());
        ch.put("scratchpad", channel.scratchpad());
        record.put("workspace_url", workspace.url());
        ArrayNode list = record.putArray("messages");
        messages.forEach(list::add);
        if (channel.isPrivate()) {
            ArrayNode members = record.putArray("members");
            channels.members(channel.id()).forEach(members::add);
        }
        ObjectNode named = record.putObject("users");
        for (String userId : userIds(messages)) {
            JsonNode user = users.get(userId);
            if (user != null) named.set(userId, trimmed(user));
        }
        return new SourceRecord(name, channel.id(), record);
    }

    private static Set<String> userIds(List<JsonNode> messages) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode m : messages) {
            String user = m.path("user").asText("");
            if (!user.isEmpty()) ids.add(user);
            Matcher mention = SlackText.USER_MENTION.matcher(MessageContent.markup(m));
            while (mention.find()) ids.add(mention.group(1));
            ids.addAll(MessageContent.userIds(m));
        }
        return ids;
    }

    /** The fields of a {@code users.list} member the normalizer uses (not the avatars). */
    private static JsonNode trimmed(JsonNode user) {
        ObjectNode u = JSON.createObjectNode();
        for (String field : List.of("id", "name", "real_name", "tz", "deleted", "is_bot")) {
            if (user.has(field)) u.set(field, user.get(field));
        }
        ObjectNode profile = u.putObject("profile");
        for (String field : List.of("email", "real_name", "display_name")) {
            if (user.path("profile").has(field)) profile.set(field, user.path("profile").get(field));
        }
        return u;
    }
}
