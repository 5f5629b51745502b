package dev.nightjar.skills.prep;

import dev.nightjar.skills.Corpus;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import dev.nightjar.model.DocumentKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The last 1:1 or sync the store can tell of: the newest readable Notion page whose title names such a
 * meeting ("Weekly sync notes, 2026-11-18", "1:1 Maya / Ben") and that belongs to the meeting asked
 * about. Only notes count: a chat message saying "before the sync" is not a meeting. Its time is when the meeting was written down at its source (creation), the nearest the
 * sources come to when it was held; Nightjar reads no calendar.
 */
final class LastMeeting {

    /** Words that name a recurring meeting in a title. */
    static final Pattern MEETING = Pattern.compile("(?i)(\\b1:1\\b|\\b1-on-1\\b|one-on-one|\\bsync\\b)");

    /** Pre-filter for {@link #MEETING}, lower case: the store narrows by these, the pattern decides. */
    static final List<String> TITLE_WORDS = List.of("sync", "1:1", "one-on-one", "1-on-1");

    private LastMeeting() {
    }

    /** The latest meeting before {@code now} that {@code belongs} accepts. */
    static Optional<StoredDocument> before(Corpus corpus, Instant now, Predicate<StoredDocument> belongs) {
        return corpus.select(q -> q.titledWithAny(DocumentKind.NOTION_PAGE, TITLE_WORDS, now)).stream()
                .filter(d -> MEETING.matcher(d.document().title()).find())
                .filter(d -> held(d) != null && held(d).isBefore(now))
                .filter(belongs)
                .max(java.util.Comparator.comparing(LastMeeting::held));
    }

    static Instant held(StoredDocument d) {
        return d.document().createdAt() != null ? d.document().createdAt() : d.document().updatedAt();
    }
}
