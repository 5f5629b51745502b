package dev.nightjar.skills.decisions;

import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.model.Document;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When and by whom a decision was made: the source time of the words that state it, never the sync and
 * never a later reply. A decision in a Slack thread is dated by the message that states it (the thread's
 * messages as {@link ThreadMessages} reads them), so a week-old decision whose thread got a reply last
 * night stays a week old. A Linear comment or a scratchpad note is dated when it was written; a Notion
 * page, which is edited in place, by its last edit.
 */
final class DecisionTimes {

    /** Enough of a decision's words to find its message; short enough to survive mention rendering. */
    private static final int PROBE = 40;

    private DecisionTimes() {
    }

    /** The first message of a thread whose text holds the decision's opening words, if any. */
    static Optional<ThreadMessages.Message> statedIn(List<ThreadMessages.Message> messages, DecisionPatterns.Found found) {
        String probe = plain(found.text());
        if (probe.length() > PROBE) probe = probe.substring(0, PROBE).strip();
        if (probe.isEmpty()) return Optional.empty();
        String p = probe;
        return messages.stream().filter(m -> plain(m.text()).contains(p)).findFirst();
    }

    /** A document's own time for a decision found in it (outside a Slack message), else {@code fallback}. */
    static Instant decidedAt(Document d, Instant fallback) {
        Instant at = d.id().source().equals("notion") ? first(d.updatedAt(), d.createdAt()) : first(d.createdAt(), d.updatedAt());
        return at != null ? at : fallback;
    }

    /** Letters and digits only, single-spaced, lower case: Slack markup and rendered mentions differ otherwise. */
    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("<[^>]*>", " ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
