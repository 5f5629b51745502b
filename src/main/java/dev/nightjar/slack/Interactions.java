package dev.nightjar.slack;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.store.ledgers.AnswerLog;
import dev.nightjar.store.ledgers.NoteApprovals;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.Workspace;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Viewer;
import dev.nightjar.slack.blocks.AnswerBlocks;
import dev.nightjar.slack.blocks.NoteBlocks;
import dev.nightjar.store.StoredDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Button presses ({@code block_actions}): feedback on answers, recorded at once; and the approval of a
 * captured note, where the decision is taken once (compare-and-set from pending) by the author or an
 * admin, then carried out on the worker pool and announced in place of the buttons and in the thread.
 */
public class Interactions {

    /** Slack's static select takes at most 100 options. */
    static final int MAX_CHOICES = 100;
    private static final Logger log = LoggerFactory.getLogger(Interactions.class);

    private final Workspace ws;
    private final AnswerLog answers;
    private final NoteApprovals approvals;
    private final NoteRouting routing;
    private final SlackUsers users;
    private final SlackWebApi slack;
    private final ThreadPoster poster;
    private final Executor workers;

    public Interactions(Workspace ws, AnswerLog answers, NoteApprovals approvals, NoteRouting routing, SlackUsers users,
                        SlackWebApi slack, ThreadPoster poster, Executor workers) {
        this.ws = ws;
        this.answers = answers;
        this.approvals = approvals;
        this.routing = routing;
        this.users = users;
        this.slack = slack;
        this.poster = poster;
        this.workers = workers;
    }

    public void handle(JsonNode payload) {
        if (!"block_actions".equals(payload.path("type").asText())) return;
        String userId = payload.path("user").path("id").asText();
        String responseUrl = payload.path("response_url").asText("");
        for (JsonNode action : payload.path("actions")) {
            String value = action.hasNonNull("selected_option") ? action.path("selected_option").path("value").asText() : action.path("value").asText();
            switch (action.path("action_id").asText()) {
                case AnswerBlocks.USEFUL -> feedback(value, userId, AnswerLog.Verdict.USEFUL, responseUrl);
                case AnswerBlocks.WRONG_SOURCE -> feedback(value, userId, AnswerLog.Verdict.WRONG_SOURCE, responseUrl);
                case NoteBlocks.ROUTE -> decide(value, userId, NoteApprovals.State.ROUTED, responseUrl);
                case NoteBlocks.DISCARD -> decide(value, userId, NoteApprovals.State.DISCARDED, responseUrl);
                case NoteBlocks.CHANGE -> later(() -> offerProjects(value, userId, responseUrl));
                case NoteBlocks.PICK -> pick(value, userId, responseUrl);
                default -> log.info("unknown action {}", action.path("action_id").asText());
            }
        }
    }

    private void feedback(String answerId, String userId, AnswerLog.Verdict verdict, String responseUrl) {
        long id;
        try {
            id = Long.parseLong(answerId);
        } catch (NumberFormatException e) {
            return;
        }
        if (answers.feedback(id, userId, verdict)) {
            later(() -> ephemeral(responseUrl, "Thanks, recorded: " + (verdict == AnswerLog.Verdict.USEFUL ? "useful." : "wrong source.")));
        }
    }

    private void decide(String noteId, String userId, NoteApprovals.State outcome, String responseUrl) {
        Optional<NoteApprovals.Approval> found = approvals.find(noteId);
        if (found.isEmpty()) return;
        NoteApprovals.Approval a = found.get();
        if (!mayDecide(a, userId)) {
            later(() -> ephemeral(responseUrl, "Only the note's author or an admin may route or discard it."));
            return;
        }
        if (outcome == NoteApprovals.State.ROUTED && a.projectDocId() == null) {
            later(() -> offerProjects(noteId, userId, responseUrl));
            return;
        }
        if (!approvals.decide(noteId, outcome, userId)) return;   // already decided: a double click does nothing
        later(() -> {
            try {
                String done;
                if (outcome == NoteApprovals.State.ROUTED) {
                    routing.route(noteId, a.projectDocId());
                    done = "Routed to " + title(a.projectDocId()) + " by <@" + userId + ">.";
                } else {
                    routing.discard(noteId);
                    done = "Discarded by <@" + userId + ">.";
                }
                replace(responseUrl, NoteBlocks.decided(done));
                if (!a.threadTs().isBlank()) poster.replyText(a.channel(), a.threadTs(), done);
            } catch (RuntimeException e) {
                approvals.reopen(noteId);
                throw e;
            }
        });
    }

    private void pick(String value, String userId, String responseUrl) {
        int bar = value.indexOf('|');
        if (bar < 0) return;
        String noteId = value.substring(0, bar), projectDocId = value.substring(bar + 1);
        Optional<NoteApprovals.Approval> a = approvals.find(noteId);
        if (a.isEmpty() || !mayDecide(a.get(), userId)) return;
        if (approvals.propose(noteId, projectDocId)) later(() -> replace(responseUrl, NoteBlocks.proposed(noteId, title(projectDocId))));
    }

    /** "Change project": the unsure match's candidates first, then every other project the author can see. */
    private void offerProjects(String noteId, String userId, String responseUrl) {
        Optional<NoteApprovals.Approval> found = approvals.find(noteId);
        if (found.isEmpty() || found.get().state() != NoteApprovals.State.PENDING || !mayDecide(found.get(), userId)) return;
        NoteApprovals.Approval a = found.get();
        Viewer author = users.viewerOf(new SlackUsers.SlackUser(userId, a.authorEmail(), null));
        Corpus corpus = new Corpus(ws.documents(), author);
        Map<String, String> choices = new LinkedHashMap<>();
        for (StoredDocument d : corpus.findAll(a.candidates())) choices.putIfAbsent(d.document().title(), d.id());
        for (StoredDocument d : corpus.select(q -> q.ofKinds(DocumentKind.PLANNING)).stream()
                .sorted(java.util.Comparator.comparing(d -> String.valueOf(d.document().title()))).toList()) {
            if (choices.size() >= MAX_CHOICES) break;
            if (!d.id().equals(a.projectDocId())) choices.putIfAbsent(d.document().title(), d.id());
        }
        replace(responseUrl, NoteBlocks.choose(noteId, choices));
    }

    private boolean mayDecide(NoteApprovals.Approval a, String userId) {
        SlackUsers.SlackUser u = users.byId(userId);
        return u.identified() && (u.email().equalsIgnoreCase(a.authorEmail()) || ws.admins().isAdmin(u.email()));
    }

    private String title(String docId) {
        return ws.documents().find(docId).map(d -> d.document().title()).orElse(docId);
    }

    private void replace(String responseUrl, Map<String, Object> message) {
        if (responseUrl.isBlank()) return;
        Map<String, Object> m = new LinkedHashMap<>(message);
        m.put("replace_original", true);
        slack.respond(responseUrl, m);
    }

    private void ephemeral(String responseUrl, String text) {
        if (responseUrl.isBlank()) return;
        slack.respond(responseUrl, Map.of("response_type", "ephemeral", "replace_original", false, "text", text));
    }

    private void later(Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("a button action failed: {}", e.toString());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("a button action was dropped: every Slack worker is busy and the queue is full");
        }
    }

}
