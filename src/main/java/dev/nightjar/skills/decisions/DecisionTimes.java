package dev.nightjar.skills.decisions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.connectors.slack.Ts;
import dev.nightjar.model.Document;
import java.io.IOException;
import java.time.Instant;
import java.util.Locale;

/**
 * When a decision was made: the source time of the words that state it, never the sync and never a
 * later reply. A decision in a Slack thread is dated by the message that states it (found in the
 * thread's raw messages), so a week-old decision whose thread got a reply last night stays a week
 * old. A Linear comment or a scratchpad note is dated when it was written; a Notion page, which is
 * edited in place, by its last edit.
 */
final class DecisionTimes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough of a decision's words to find its message; short enough to survive mention rendering. */
    private static final int PROBE = 40;

    private DecisionTimes() {
    }

    static Instant decidedAt(Document d, DecisionPatterns.Found found, Instant fallback) {
        String source = d.id().source();
        if (source.equals("slack")) {
            Instant written = slackMessageTime(d.rawJson(), found.text());
            if (written != null) return written;
        }
        Instant at = source.equals("notion") ? first(d.updatedAt(), d.createdAt()) : first(d.createdAt(), d.updatedAt());
        return at != null ? at : fallback;
    }

    /** The ts of the first message of the thread whose text holds the decision's opening words, or null. */
    private static Instant slackMessageTime(String rawJson, String decision) {
        if (rawJson == null || rawJson.isBlank()) return null;
        String probe = plain(decision);
        if (probe.length() > PROBE) probe = probe.substring(0, PROBE).strip();
        if (probe.isEmpty()) return null;
        try {
            JsonNode messages = JSON.readTree(rawJson);
            if (!messages.isArray()) return null;
            for (JsonNode m : messages) {
                String ts = m.path("ts").asText(null);
                if (Ts.valid(ts) && plain(m.path("text").asText("")).contains(probe)) return Ts.instant(ts);
            }
            return null;
        } catch (IOException e) {
            return null; // stored raw JSON is ours; if unreadable, the document's own times still apply
        }
    }

    /** Letters and digits only, single-spaced, lower case: Slack markup and rendered mentions differ otherwise. */
    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("<[^>]*>", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
