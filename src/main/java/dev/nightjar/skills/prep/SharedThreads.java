package dev.nightjar.skills.prep;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.Conversations;
import dev.nightjar.skills.brief.People;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The Slack threads both sides of a 1:1 took part in (wrote in, or were named in) that moved inside the
 * window, newest first. The brief tells a thread only through its new messages, and a message told
 * once (a decision and its follow-ups, a mention) is not told again as chatter; a 1:1 still wants the
 * thread listed as one both were in, so this reads the threads themselves rather than the brief's chatter.
 */
final class SharedThreads {

    private final Corpus corpus;
    private final People people;

    SharedThreads(Corpus corpus, People people) {
        this.corpus = corpus;
        this.people = people;
    }

    /** Threads the reader may see, updated in {@code [since, until]}, involving someone of {@code one} and of {@code other}; scratchpad excluded. */
    List<StoredDocument> between(Set<String> one, Set<String> other, Instant since, Instant until) {
        return corpus.select(q -> q.updatedBetween(since, until)).stream()
                .filter(d -> DocumentKind.SLACK_THREAD.is(d.document().id()) && d.truth() != TruthLevel.SCRATCHPAD)
                .filter(d -> PrepService.involves(d, one) && PrepService.involves(d, other)).toList();
    }

    /** "#rnk-team: "Retrieval for the reranker launch: …" (started by Maya Okafor 7 days ago; last message 8 h ago)". */
    String line(StoredDocument t, Brief b) {
        var doc = t.document();
        String started = doc.createdAt() == null ? "" : "started by " + people.name(doc.author()) + " " + b.time().ago(doc.createdAt()) + "; ";
        return Conversations.channel(t) + ": \"" + Conversations.topic(t) + "\" (" + started + "last message " + b.time().ago(doc.updatedAt()) + ")";
    }
}
