package dev.nightjar.slack;

import dev.nightjar.store.ledgers.AnswerLog;
import dev.nightjar.Workspace;
import dev.nightjar.model.Acl;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.config.ConfigException;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.prep.Prep;
import dev.nightjar.skills.prep.PrepService;
import dev.nightjar.slack.blocks.PrepBlocks;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.slack.blocks.AnswerBlocks;
import dev.nightjar.slack.blocks.BriefBlocks;
import dev.nightjar.truth.CanonicalService;
import dev.nightjar.truth.RefusedException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /nightjar ask|brief|canonical|scratchpad}: the acknowledgement is returned at once (Slack
 * shows it to the user only), the work runs on the worker pool and its result goes to the command's
 * {@code response_url}, ephemeral, since it was read with the asker's permissions.
 */
public class SlashCommands {

    static final String USAGE = "Usage: `/nightjar ask <question>`, `/nightjar brief`, `/nightjar prep --with <email> | --project <name> [--since 7d]`, `/nightjar canonical mark <url>`, "
            + "`/nightjar scratchpad <text>`";
    /** The acknowledgement when the workers' queue is full. */
    public static final String BUSY = "I am answering many requests right now and could not take this one; please ask again in a minute.";
    static final Duration BRIEF_WINDOW = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(SlashCommands.class);

    private final Workspace ws;
    private final SlackUsers users;
    private final AnswerLog answers;
    private final ScratchpadCapture capture;
    private final SlackWebApi slack;
    private final Executor workers;
    private final Refusals refusals = new Refusals(log);

    public SlashCommands(Workspace ws, SlackUsers users, AnswerLog answers, ScratchpadCapture capture, SlackWebApi slack, Executor workers) {
        this.ws = ws;
        this.users = users;
        this.answers = answers;
        this.capture = capture;
        this.slack = slack;
        this.workers = workers;
    }

    /** @return the immediate (ephemeral) acknowledgement text */
    public String handle(SlashCommand c) {
        Runnable work = switch (c.subcommand()) {
            case "ask" -> c.argument().isBlank() ? null : () -> ask(c);
            case "brief" -> () -> brief(c);
            case "prep" -> PrepRequest.parse(c.argument()).<Runnable>map(r -> () -> prep(c, r)).orElse(null);
            case "canonical" -> canonicalUrl(c) == null ? null : () -> markCanonical(c, canonicalUrl(c));
            case "scratchpad" -> c.argument().isBlank() ? null : () -> scratchpad(c);
            default -> null;
        };
        if (work == null) return USAGE;
        try {
            workers.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.error("/nightjar {} by {} failed: {}", c.subcommand(), c.userId(), e.toString());
                    respond(c, Map.of("text", "Sorry, that failed: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            // Slack does not retry a slash command: say so in the acknowledgement instead of leaving it unanswered
            refusals.refused("/nightjar " + c.subcommand() + " by " + c.userId());
            return BUSY;
        }
        return "Working on it…";
    }

    private void ask(SlashCommand c) {
        SlackUsers.SlackUser asker = users.byId(c.userId());
        Answer answer = ws.skills().ask().ask(c.argument(), users.viewerOf(asker));
        long id = answers.record(c.channelId(), null, c.userId(), answer.question(), answer.citedDocIds());
        // a response_url takes up to five responses: a long answer's follow-ups arrive in order after it
        for (Map<String, Object> part : AnswerBlocks.messages(answer, id, asker.identified() ? null : MentionAnswerer.WORKSPACE_ONLY)) {
            respond(c, part);
        }
    }

    private void brief(SlashCommand c) {
        SlackUsers.SlackUser me = users.byId(c.userId());
        Viewer viewer = users.viewerOf(me);
        if (viewer.email() == null || !ws.people().knows(viewer.email())) {
            respond(c, Map.of("text", "I cannot find you among the people the sources report, so I have no brief for you."));
            return;
        }
        Brief brief = ws.skills().brief().forPerson(viewer.email(), BRIEF_WINDOW);
        respond(c, BriefBlocks.message(brief, me.timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(me.timeZone())));
    }

    /** Meeting prep read as the asker; an unknown person or project is said in one line, with the nearest name. */
    private void prep(SlashCommand c, PrepRequest r) {
        Viewer asker = users.viewerOf(users.byId(c.userId()));
        try {
            PrepService service = ws.skills().prep();
            Prep prep = r.with() != null ? service.with(r.with(), asker, r.since()) : service.project(r.project(), asker, r.since());
            for (Map<String, Object> part : PrepBlocks.messages(prep)) respond(c, part);
        } catch (ConfigException e) {
            respond(c, Map.of("text", e.getMessage()));
        }
    }

    private void markCanonical(SlashCommand c, String url) {
        SlackUsers.SlackUser me = users.byId(c.userId());
        // Refused before anything is resolved or written: only the admins of connectors/slack.yml, by Slack e-mail.
        if (!ws.admins().isAdmin(me.email())) {
            respond(c, Map.of("text", "Only admins may mark documents canonical (admins are listed in connectors/slack.yml); "
                    + (me.identified() ? me.email() + " is not one." : "I could not find your e-mail in Slack.")));
            return;
        }
        try {
            CanonicalService.Marked marked = ws.canonical().mark(url, me.email(), null, "marked from Slack by " + me.email());
            respond(c, Map.of("text", (marked.replaced() == null ? "" : "Replaces the " + CanonicalService.describe(marked.replaced())
                    + " (kept in the audit log). ") + "Marked canonical: " + marked.document().document().title() + " (review by "
                    + marked.mark().reviewBy().toString().substring(0, 10) + ")"
                    + (marked.superseded().isEmpty() ? "" : "; it supersedes " + String.join(", ", marked.superseded()))));
        } catch (RefusedException e) {
            respond(c, Map.of("text", e.getMessage()));
        }
    }

    private void scratchpad(SlashCommand c) {
        SlackUsers.SlackUser me = users.byId(c.userId());
        if (!me.identified()) {
            respond(c, Map.of("text", "I could not find your e-mail in Slack, so I cannot file a note for you."));
            return;
        }
        // Typed to the app, not to the channel: only the author may read it until it is routed.
        respond(c, capture.capture(c.channelId(), "", me.email(), c.argument(), Acl.members(java.util.List.of("slack:" + c.userId(), me.email())), null));
    }

    /** {@code canonical mark <url>} → the URL; anything else → null (usage). */
    private static String canonicalUrl(SlashCommand c) {
        String[] parts = c.argument().split("\\s+", 2);
        return parts.length == 2 && parts[0].equalsIgnoreCase("mark") && !parts[1].isBlank() ? SlashCommand.unwrapUrl(parts[1]) : null;
    }

    private void respond(SlashCommand c, Map<String, Object> message) {
        Map<String, Object> m = new LinkedHashMap<>(message);
        m.put("response_type", "ephemeral");
        slack.respond(c.responseUrl(), m);
    }
}
