package dev.nightjar.slack;

import dev.nightjar.store.ledgers.AnswerLog;
import dev.nightjar.Workspace;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.slack.blocks.AnswerBlocks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an app mention or a direct message in its thread, reading as the asker: their Slack
 * e-mail decides what documents the answer may use. An asker without one gets a workspace-only
 * answer that says so.
 */
public class MentionAnswerer {

    static final String WORKSPACE_ONLY = "I could not find your e-mail in Slack, so this answer uses only documents everyone in the workspace may see.";
    private static final Logger log = LoggerFactory.getLogger(MentionAnswerer.class);

    private final Workspace ws;
    private final SlackUsers users;
    private final AnswerLog answers;
    private final ThreadPoster poster;

    public MentionAnswerer(Workspace ws, SlackUsers users, AnswerLog answers, ThreadPoster poster) {
        this.ws = ws;
        this.users = users;
        this.answers = answers;
        this.poster = poster;
    }

    public void answer(String channel, String userId, String text, String threadTs) {
        String question = withoutMentions(text);
        if (question.isBlank()) {
            poster.replyText(channel, threadTs, "Ask me a question, e.g. \"where do we stand on the billing migration?\"");
            return;
        }
        try {
            SlackUsers.SlackUser asker = users.byId(userId);
            Viewer viewer = users.viewerOf(asker);
            Answer answer = ws.skills().ask().ask(question, viewer);
            long id = answers.record(channel, threadTs, userId, answer.question(), answer.citedDocIds());
            poster.replyAll(channel, threadTs, AnswerBlocks.messages(answer, id, asker.identified() ? null : WORKSPACE_ONLY));
        } catch (RuntimeException e) {
            log.error("could not answer {} in {}: {}", userId, channel, e.toString());
            poster.replyText(channel, threadTs, "Sorry, I could not answer that: " + e.getMessage());
        }
    }

    /** {@code <@U0LAN0Z89> is it ...} → {@code is it ...} */
    static String withoutMentions(String text) {
        return text == null ? "" : text.replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").replaceAll("\\s+", " ").strip();
    }
}
