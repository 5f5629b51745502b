package dev.nightjar.slack;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.store.ledgers.NoteApprovals;
import dev.nightjar.Workspace;
import dev.nightjar.model.Acl;
import dev.nightjar.skills.scratchpad.Note;
import dev.nightjar.skills.scratchpad.ScratchpadService;
import dev.nightjar.slack.blocks.NoteBlocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a raw thought into a structured scratchpad note the moment it is written (the nightly pull
 * stays the safety net): stores it parked, records the pending approval, and returns the note with its
 * "Route / Change project / Discard" buttons. Nothing is routed here.
 */
public class ScratchpadCapture {

    private static final Logger log = LoggerFactory.getLogger(ScratchpadCapture.class);

    private final Workspace ws;
    private final NoteRouting routing;
    private final NoteApprovals approvals;

    public ScratchpadCapture(Workspace ws, NoteRouting routing, NoteApprovals approvals) {
        this.ws = ws;
        this.routing = routing;
        this.approvals = approvals;
    }

    /**
     * @param threadTs    where the approval conversation happens (the message's ts; empty for a slash command)
     * @param sourceDocId the Slack thread document the note came from, or null
     * @return the message to post: the note with its approval buttons
     */
    public Map<String, Object> capture(String channel, String threadTs, String authorEmail, String text, Acl acl, String sourceDocId) {
        // a channel message is dated by its own ts (when it was written); a slash command is written now
        ScratchpadService.Written written = dev.nightjar.connectors.slack.Ts.valid(threadTs)
                ? ScratchpadService.Written.at(dev.nightjar.connectors.slack.Ts.instant(threadTs)) : null;
        Note note = ws.skills().scratchpad().add(text, authorEmail, acl, sourceDocId, written);
        routing.park(note.id());
        String projectDocId = note.project() == null ? null : note.project().docId();
        approvals.open(note.id(), channel, threadTs == null ? "" : threadTs, authorEmail, projectDocId, candidateIds(note));
        log.info("captured scratchpad note {} from {} (proposed project: {}); waiting for approval", note.id(), channel, projectDocId);
        return NoteBlocks.pending(note, note.project() == null ? null : note.project().title());
    }

    /** The unsure match's candidates, as stored on the note document by the skill. */
    private List<String> candidateIds(Note note) {
        String stored = ws.documents().find(note.id()).map(d -> d.document().property(PropertyKey.CANDIDATES)).orElse(null);
        if (stored == null || stored.isBlank()) return List.of();
        return new ArrayList<>(Arrays.stream(stored.split(",\\s*")).filter(s -> !s.isBlank()).toList());
    }
}
