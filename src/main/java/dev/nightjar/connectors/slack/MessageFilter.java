package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Which messages are people talking. Bot posts, joins/leaves, topic changes, pins and other
 * channel events are noise; plain messages, thread broadcasts, {@code /me} messages and file
 * shares are kept when they carry anything: text, blocks, a shared message or a file's title.
 */
final class MessageFilter {

    private static final Set<String> KEPT_SUBTYPES = Set.of("thread_broadcast", "file_share", "me_message");

    private MessageFilter() {
    }

    static boolean isNoise(JsonNode message) {
        if (message.hasNonNull("bot_id") || message.has("bot_profile")) return true;
        String user = message.path("user").asText("");
        if (user.isEmpty() || "USLACKBOT".equals(user)) return true;
        String subtype = message.path("subtype").asText("");
        if (!subtype.isEmpty() && !KEPT_SUBTYPES.contains(subtype)) return true;
        return text(message).isBlank();
    }

    /** What the message says, wherever Slack put it ({@link MessageContent}). */
    static String text(JsonNode message) {
        return MessageContent.markup(message);
    }
}
