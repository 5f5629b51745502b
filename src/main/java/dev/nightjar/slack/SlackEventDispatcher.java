package dev.nightjar.slack;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.store.ledgers.EventLedger;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.model.Acl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what an Events API callback asks for, reserves its {@code event_id} in memory, and hands the
 * work to the worker pool so the HTTP request is acknowledged at once (Slack wants 200 within 3 s and
 * retries otherwise). The worker claims the id in the database before it answers, so the acknowledgement
 * waits on no commit and a retry is still answered once (see {@link EventLedger}). When the workers'
 * queue is full the event is refused as {@code busy} (HTTP 503), and Slack delivers it again later. App mentions and DMs are answered; top-level human messages in scratchpad channels are
 * captured; everything else (bot messages, edits, our own posts) is ignored.
 */
public class SlackEventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(SlackEventDispatcher.class);

    private final EventLedger ledger;
    private final Executor workers;
    private final MentionAnswerer answerer;
    private final ScratchpadChannels channels;
    private final ScratchpadCapture capture;
    private final SlackUsers users;
    private final ThreadPoster poster;
    private final Refusals refusals = new Refusals(log);

    public SlackEventDispatcher(EventLedger ledger, Executor workers, MentionAnswerer answerer, ScratchpadChannels channels,
                                ScratchpadCapture capture, SlackUsers users, ThreadPoster poster) {
        this.ledger = ledger;
        this.workers = workers;
        this.answerer = answerer;
        this.channels = channels;
        this.capture = capture;
        this.users = users;
        this.poster = poster;
    }

    /** What {@link #accept} answers when the workers' queue is full. */
    public static final String BUSY = "busy";

    /** @return what was done with the event, for the log and for tests: accepted, duplicate, ignored, {@link #BUSY} */
    public String accept(JsonNode envelope, String retryNum) {
        JsonNode event = envelope.path("event");
        Runnable work = work(event, botUserIds(envelope));
        if (work == null) return "ignored";
        String eventId = envelope.path("event_id").asText("");
        String retry = retryNum == null ? "-" : retryNum;
        if (eventId.isBlank() || !ledger.reserve(eventId)) {
            log.info("event {} already taken on (retry {}); not handled again", eventId, retry);
            return "duplicate";
        }
        try {
            workers.execute(() -> {
                try {
                    if (!ledger.claim(eventId, event.path("type").asText())) {
                        log.info("event {} was taken on before (retry {}); not handled again", eventId, retry);
                        return;
                    }
                    work.run();
                } catch (RuntimeException e) {
                    log.error("event {} failed: {}", eventId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            ledger.release(eventId);
            refusals.refused("event " + eventId + " (Slack delivers it again later)");
            return BUSY;
        }
        return "accepted";
    }

    private Runnable work(JsonNode event, List<String> botUserIds) {
        String type = event.path("type").asText();
        String channel = event.path("channel").asText();
        String user = event.path("user").asText("");
        String text = event.path("text").asText("");
        String ts = event.path("ts").asText();
        String threadTs = event.path("thread_ts").asText(ts);
        if (user.isBlank() || event.hasNonNull("bot_id") || botUserIds.contains(user)) return null;
        if (type.equals("app_mention")) return () -> answerer.answer(channel, user, text, threadTs);
        if (!type.equals("message") || event.hasNonNull("subtype")) return null;
        if ("im".equals(event.path("channel_type").asText())) return () -> answerer.answer(channel, user, text, threadTs);
        // A mention of the app also arrives as app_mention; a reply is discussion, not a new thought.
        boolean mentionsApp = botUserIds.stream().anyMatch(id -> text.contains("<@" + id + ">"));
        if (mentionsApp || !threadTs.equals(ts)) return null;
        return () -> captureIfScratchpad(channel, user, text, ts);
    }

    private void captureIfScratchpad(String channel, String userId, String text, String ts) {
        if (!channels.isScratchpad(channel)) return;
        SlackUsers.SlackUser author = users.byId(userId);
        if (!author.identified()) {
            poster.replyText(channel, ts, "I could not find your e-mail in Slack, so I did not capture this as a scratchpad note.");
            return;
        }
        // A private channel's note is readable by its author only until the nightly pull brings the members' ACL.
        Acl acl = channels.info(channel).isPrivate() ? Acl.members(List.of("slack:" + userId, author.email())) : Acl.workspace();
        try {
            Map<String, Object> note = capture.capture(channel, ts, author.email(), text, acl, DocumentKind.SLACK_THREAD.prefix() + channel + "/" + ts);
            poster.reply(channel, ts, note);
        } catch (RuntimeException e) {
            log.error("could not capture the scratchpad message {} in {}: {}", ts, channel, e.toString());
            poster.replyText(channel, ts, "I could not capture this as a scratchpad note: " + e.getMessage());
        }
    }

    /** The app's own user ids (from {@code authorizations}), so its posts and mentions are recognised. */
    private static List<String> botUserIds(JsonNode envelope) {
        return envelope.path("authorizations").findValuesAsText("user_id").stream().filter(s -> !s.isBlank()).toList();
    }
}
