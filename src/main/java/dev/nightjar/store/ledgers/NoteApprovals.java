package dev.nightjar.store.ledgers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.store.Database;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Scratchpad notes captured from Slack and waiting for a human: {@code pending} until someone presses
 * "Route" ({@code routed}) or "Discard" ({@code discarded}). A decision is a compare-and-set from
 * pending, so a double click or two people at once decide once, and a restart loses nothing.
 */
public class NoteApprovals {

    public enum State { PENDING, ROUTED, DISCARDED }

    public record Approval(String noteId, String channel, String threadTs, String authorEmail, String projectDocId,
                           List<String> candidates, State state) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;

    public NoteApprovals(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void open(String noteId, String channel, String threadTs, String authorEmail, String projectDocId, List<String> candidates) {
        db.jdbc().update("INSERT INTO slack_note_approvals (note_id, channel, thread_ts, author_email, project_doc_id, candidates, state, created_at) "
                + "VALUES (?,?,?,?,?,?,?,?)", noteId, channel, threadTs, authorEmail, projectDocId, json(candidates), State.PENDING.name(),
                clock.instant().atOffset(ZoneOffset.UTC));
    }

    public Optional<Approval> find(String noteId) {
        return db.jdbc().query("SELECT note_id, channel, thread_ts, author_email, project_doc_id, candidates, state FROM slack_note_approvals WHERE note_id=?",
                (rs, i) -> new Approval(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        list(rs.getString(6)), State.valueOf(rs.getString(7))), noteId).stream().findFirst();
    }

    /** "Change project": the proposal changes, the note stays pending. */
    public boolean propose(String noteId, String projectDocId) {
        return db.jdbc().update("UPDATE slack_note_approvals SET project_doc_id=? WHERE note_id=? AND state=?",
                projectDocId, noteId, State.PENDING.name()) == 1;
    }

    /** Moves a pending note to {@code outcome}; false when it was already decided (nothing to do then). */
    public boolean decide(String noteId, State outcome, String byUserId) {
        return db.jdbc().update("UPDATE slack_note_approvals SET state=?, decided_by=?, decided_at=? WHERE note_id=? AND state=?",
                outcome.name(), byUserId, clock.instant().atOffset(ZoneOffset.UTC), noteId, State.PENDING.name()) == 1;
    }

    /** Undoes a decision whose effect failed, so the button can be pressed again. */
    public void reopen(String noteId) {
        db.jdbc().update("UPDATE slack_note_approvals SET state=?, decided_by=NULL, decided_at=NULL WHERE note_id=?", State.PENDING.name(), noteId);
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
