package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The messages of a stored {@code slack:thread} document, each with its own source time. The store keeps
 * one document per thread (its {@code updated_at} is the latest reply), so "what is new" needs the
 * per-message {@code ts}, which only the raw JSON (the thread's {@code messages} array as Slack returned
 * it) holds. The same filter and markup rendering as the normalizer apply, so the texts read as the body.
 */
public final class ThreadMessages {

    /**
     * One message: the Slack identity of its author ({@code slack:U…}), its source time, the text as a
     * reader sees it, the Slack identities it mentions, and the Slack identities that reacted to it
     * ({@code reactions[].users} of {@code conversations.replies}; Slack gives no time for a reaction).
     */
    public record Message(int index, String author, Instant at, String text, Set<String> mentions, Set<String> reactedBy) {

        /** A message nobody reacted to (or whose reactions were not kept). */
        public Message(int index, String author, Instant at, String text, Set<String> mentions) {
            this(index, author, at, text, mentions, Set.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ThreadMessages() {
    }

    /**
     * The people-authored messages of {@code rawJson}, oldest first; empty when the JSON is missing or
     * not a messages array (a document stored before raw JSON was kept reads as having no messages).
     *
     * @param nameOf display name of a Slack member id ({@code U…}), or null when unknown
     */
    public static List<Message> read(String rawJson, Function<String, String> nameOf) {
        List<Message> out = new ArrayList<>();
        if (rawJson == null || rawJson.isBlank()) return out;
        JsonNode messages;
        try {
            messages = JSON.readTree(rawJson);
        } catch (IOException e) {
            return out;
        }
        if (!messages.isArray()) return out;
        for (JsonNode m : messages) {
            String ts = m.path("ts").asText(null);
            if (MessageFilter.isNoise(m) || !Ts.valid(ts)) continue;
            SlackText.Rendered r = SlackText.render(MessageFilter.text(m), nameOf);
            Set<String> mentions = new java.util.LinkedHashSet<>();
            r.mentions().forEach(u -> mentions.add(SlackClient.SOURCE + ":" + u));
            Set<String> reacted = new java.util.LinkedHashSet<>();
            for (JsonNode reaction : m.path("reactions")) {
                for (JsonNode u : reaction.path("users")) if (u.isTextual()) reacted.add(SlackClient.SOURCE + ":" + u.asText());
            }
            out.add(new Message(out.size(), SlackClient.SOURCE + ":" + m.path("user").asText(), Ts.instant(ts), r.text(), mentions, reacted));
        }
        return out;
    }
}
