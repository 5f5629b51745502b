package dev.nightjar.skills.decisions;

import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.feed.Follower;
import dev.nightjar.store.Database;
import dev.nightjar.store.DecisionStore;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.FollowerPositions;
import dev.nightjar.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decision log: decisions extracted from Slack threads, Linear comments, Notion pages and
 * scratchpad notes, kept with their why, who, when and source. It is a follower of the change feed:
 * {@link #catchUp()} re-reads only the documents changed since its own position (kept with the decisions,
 * in one transaction), so it is idempotent and a crash between a store commit and the follow is repaired
 * by the next drive. Readers ({@code ask}, {@code brief}) only read it.
 */
public final class DecisionLog implements Follower {

    // v2: decisions are timed by the message that states them; a new name re-reads every document once
    static final String POSITION = "decisions.change_seq.v2";

    private final DecisionStore decisions;
    private final FollowerPositions positions;
    private final DocumentStore store;
    private final Clock clock;

    public DecisionLog(Database db, DocumentStore store, Clock clock) {
        this.decisions = new DecisionStore(db);
        this.positions = new FollowerPositions(db);
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "decisions";
    }

    /** The last store change the log has taken in. */
    public long position() {
        return positions.position(POSITION);
    }

    /**
     * Re-extracts decisions of documents changed since the log's position; returns how many documents were read.
     * A decision keeps the time it was first made: in a Slack thread the time of the message that states it
     * (not the thread's latest reply), elsewhere the document's creation time, and a decision already in
     * the log for the same document keeps its earlier time when the document is edited later (an edited
     * page does not make its old decisions new).
     */
    @Override
    public synchronized int catchUp() {
        if (positions.latestCommitted() <= position()) return 0; // up to date: no lock, no write
        // One extractor at a time across processes and nodes: the change feed's row lock, then the position
        // read again under it, so the second finds the log already current. The unique key (migration V7)
        // makes a duplicate impossible even so.
        Integer read = decisions.underFeedLock(this::catchUpUnderLock);
        return read == null ? 0 : read;
    }

    private int catchUpUnderLock() {
        long from = position();
        long to = positions.latestCommitted();
        if (to <= from) return 0;
        List<StoredDocument> changed = decisions.changedSources(store, from, to);
        Instant now = clock.instant();
        Map<String, Instant> earlier = new HashMap<>();
        // on the first pass the log is rebuilt from scratch: times kept by an older extraction are not trusted
        if (from > 0) for (Decision d : forDocuments(changed.stream().map(StoredDocument::id).toList())) earlier.putIfAbsent(d.docId() + "\u0000" + d.text(), d.decidedAt());
        Map<String, DecisionStore.Row> rows = new LinkedHashMap<>();
        for (StoredDocument d : changed) {
            if (d.deleted()) continue;
            List<ThreadMessages.Message> messages = d.document().id().sourceKind().equals("slack:thread")
                    ? ThreadMessages.read(d.document().rawJson(), u -> null) : List.of();
            for (DecisionPatterns.Found f : DecisionPatterns.find(d.document().body())) {
                Optional<ThreadMessages.Message> said = DecisionTimes.statedIn(messages, f);
                String who = said.map(ThreadMessages.Message::author).orElse(f.speaker() != null ? f.speaker() : d.document().author());
                Instant when = said.map(ThreadMessages.Message::at).orElseGet(() -> earlier.getOrDefault(d.id() + "\u0000" + f.text(), DecisionTimes.decidedAt(d.document(), d.firstSeenAt())));
                // a decision stated twice in one document is one decision: the first statement stands
                rows.putIfAbsent(d.id() + "\u0000" + f.text(), new DecisionStore.Row(0, d.id(), f.text(), f.why(), who, when));
            }
        }
        decisions.replace(changed.stream().map(StoredDocument::id).toList(), List.copyOf(rows.values()), now);
        positions.advance(POSITION, to, now);
        return changed.size();
    }

    /** Decisions whose source is one of {@code docIds}, newest first. */
    public List<Decision> forDocuments(Collection<String> docIds) {
        if (docIds.isEmpty()) return List.of();
        List<Decision> out = new ArrayList<>(decisions.forDocuments(docIds).stream().map(DecisionLog::decision).toList());
        out.sort((a, b) -> compare(b.decidedAt(), a.decidedAt()));
        return out;
    }

    /** Every decision made at or after {@code since}, newest first (the caller checks access to the source). */
    public List<Decision> since(Instant since) {
        return decisions.since(since).stream().map(DecisionLog::decision).toList();
    }

    /** All decisions, newest first (for "why did we …" over a free topic). */
    public List<Decision> all() {
        return decisions.all().stream().map(DecisionLog::decision).toList();
    }

    private static Decision decision(DecisionStore.Row r) {
        return new Decision(r.id(), r.docId(), r.text(), r.why(), r.who(), r.decidedAt());
    }

    private static int compare(Instant a, Instant b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.compareTo(b);
    }
}
