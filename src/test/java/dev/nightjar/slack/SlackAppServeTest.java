package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.jobs.ScheduleConfiguration;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.SkillsFixture;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.web.HealthController;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * `serve` as it runs (scheduler, health, Slack endpoints) on a random port, with a seeded store and
 * a local fake Slack Web API: what Slack sends, signed; what the app posts back, recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlackAppServeTest {

    static final String SECRET = "test-signing-secret";
    static final String BOT = "U0NIGHTJAR";
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    FakeSlack slack;
    Workspace ws;
    ConfigurableApplicationContext spring;
    SignedRequests requests;
    String base;
    final AtomicInteger ids = new AtomicInteger();

    @BeforeAll
    void serve(@TempDir Path tmp) throws Exception {
        slack = new FakeSlack();
        slack.user("U0DANA", "dana@example.com", "Asia/Seoul");
        slack.user("U0SAM", "sam@example.com", "America/Los_Angeles");
        slack.channelNames.put("C0SCRATCH", "ranker-scratch");
        slack.channelNames.put("C0RANKER", "ranker");
        Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);
        ws = TempWorkspace.open(tmp, clock, Map.of(
                "connectors/slack.yml", "enabled: true\nbase-url: https://slack.invalid/api\ntoken-env: SLACK_BOT_TOKEN\n"
                        + "signing-secret-env: SLACK_SIGNING_SECRET\nchannels: [ranker]\nscratchpad-channels: [\"#ranker-scratch\"]\n"
                        + "admins: [dana@example.com]\n",
                "jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: []\n"));
        SkillsFixture.seed(ws);
        // A completed run just now, so start-up has no missed nightly run to catch up on.
        ws.runs().finish(ws.runs().start(clock.instant(), true, ""), "COMPLETED", clock.instant(), null);
        ConnectorContext context = new ConnectorContext(Environment.of(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", SECRET, "NIGHTJAR_SLACK_BASE_URL", slack.apiUrl())), new OkHttpClient(),
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1)), Sleeper.real(), clock);
        spring = NightjarApplication.start(ws, NightjarApplication.Mode.SERVE, Map.of("connectorContext", context),
                Map.of("server.port", "0"), ScheduleConfiguration.class, HealthController.class, SlackAppConfiguration.class);
        base = "http://127.0.0.1:" + spring.getEnvironment().getProperty("local.server.port");
        requests = new SignedRequests(base, SECRET, clock);
    }

    @AfterAll
    void stop() throws Exception {
        if (spring != null) spring.close();
        if (ws != null) ws.close();
        if (slack != null) slack.close();
    }

    @Test
    void healthAndUrlVerification() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");

        HttpResponse<String> challenge = requests.json("/slack/events", resource("url_verification.json"), Map.of());
        assertThat(challenge.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(challenge.body()).path("challenge").asText()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void aSignedAppMentionGetsOneThreadedAnswerWithCitationLinks() throws Exception {
        String ts = "1764050000.000100";
        String event = mention("Ev-mention-1", "U0DANA", "C0RANKER", ts, "<@" + BOT + "> where do we stand on Ranker v2?");

        long started = System.nanoTime();
        HttpResponse<String> ack = requests.json("/slack/events", event, Map.of());
        long ackMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.println("app_mention ack latency: " + ackMillis + " ms");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).isLessThan(3000);

        List<JsonNode> answers = slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT);
        assertThat(answers).hasSize(1);
        JsonNode answer = answers.get(0);
        assertThat(answer.path("channel").asText()).isEqualTo("C0RANKER");
        String blocks = answer.path("blocks").toString();
        // every [n] is a link to its source, and the sources are listed as links
        assertThat(blocks).contains("<https://www.notion.so/acme/Ranker-v2-PRD-2222|[");
        assertThat(blocks).containsPattern("<https://[^|>]+\\|\\[\\d+]>");
        assertThat(blocks).contains("answer_useful").contains("answer_wrong_source");
        // Dana is in the private #ranker-leads thread, so her answer may use it; the workspace caveat is absent
        assertThat(blocks).doesNotContain(MentionAnswerer.WORKSPACE_ONLY);

        // Slack's retry of the same event (the ack was "too slow") is acknowledged and does nothing
        HttpResponse<String> retry = requests.json("/slack/events", event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(retry.body()).path("status").asText()).isEqualTo("duplicate");
        Thread.sleep(1500);
        assertThat(slack.posts.stream().filter(p -> ts.equals(p.path("thread_ts").asText()))).hasSize(1);
    }

    @Test
    void anAskerWithoutAnEmailIsAnsweredAsTheWorkspaceAndToldSo() throws Exception {
        String ts = "1764050000.000200";
        // Slack takes 4 s to say who U0GHOST is: longer than Slack waits for the ack, which must not wait for it.
        slack.usersInfoDelay = Duration.ofSeconds(4);
        long started = System.nanoTime();
        HttpResponse<String> ack;
        try {
            ack = requests.json("/slack/events", mention("Ev-mention-anon", "U0GHOST", "C0RANKER", ts, "<@" + BOT + "> where do we stand on Ranker v2?"), Map.of());
        } finally {
            long ackMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            System.out.println("app_mention ack latency with a 4 s users.info: " + ackMillis + " ms");
            assertThat(ackMillis).isLessThan(3000);
        }
        assertThat(ack.statusCode()).isEqualTo(200);

        JsonNode answer = slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT).get(0);
        slack.usersInfoDelay = Duration.ZERO;
        assertThat(answer.path("blocks").toString()).contains(MentionAnswerer.WORKSPACE_ONLY).doesNotContain(SkillsFixture.PRIVATE_SECRET);
    }

    @Test
    void aBadSignatureAndAnOldTimestampGet401AndNoWork() throws Exception {
        String forged = mention("Ev-forged", "U0DANA", "C0RANKER", "1764050000.000300", "<@" + BOT + "> what is blocking RNK-101?");
        HttpResponse<String> bad = requests.send("/slack/events", "application/json", forged, ws.clock().instant(),
                "v0=" + "0".repeat(64), Map.of());
        assertThat(bad.statusCode()).isEqualTo(401);

        String replayed = mention("Ev-replayed", "U0DANA", "C0RANKER", "1764050000.000400", "<@" + BOT + "> what is blocking RNK-101?");
        HttpResponse<String> old = requests.send("/slack/events", "application/json", replayed,
                ws.clock().instant().minus(Duration.ofMinutes(5)).minusSeconds(1), null, Map.of());
        assertThat(old.statusCode()).isEqualTo(401);

        HttpResponse<String> unsignedCommand = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/slack/commands"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user_id=U0DANA&text=canonical+mark+x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsignedCommand.statusCode()).isEqualTo(401);

        Thread.sleep(1000);
        // other tests' answers may still be finishing on the shared fake Slack, so look for these requests' work only
        assertThat(slack.posts).as("no answer was posted for a refused request")
                .noneMatch(p -> java.util.Set.of("1764050000.000300", "1764050000.000400").contains(p.path("thread_ts").asText()));
        assertThat(ws.database().jdbc().queryForObject("SELECT COUNT(*) FROM slack_events WHERE event_id IN ('Ev-forged', 'Ev-replayed')",
                Integer.class)).isZero();
    }

    @Test
    void aRetriedEventIsAnsweredOnceEvenWhenTheRetryArrivesFirst() throws Exception {
        String ts = "1764050000.000500";
        String event = mention("Ev-retried", "U0DANA", "C0RANKER", ts, "<@" + BOT + "> what is blocking RNK-101?");
        assertThat(requests.json("/slack/events", event, Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout")).statusCode())
                .isEqualTo(200);
        assertThat(requests.json("/slack/events", event, Map.of()).statusCode()).isEqualTo(200);
        assertThat(requests.json("/slack/events", event, Map.of("X-Slack-Retry-Num", "3")).statusCode()).isEqualTo(200);

        assertThat(slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT)).hasSize(1);
        Thread.sleep(1500);
        assertThat(slack.posts.stream().filter(p -> ts.equals(p.path("thread_ts").asText()))).hasSize(1);
    }

    @Test
    void aNonAdminCanonicalCommandIsRefusedAndAnAdminsIsDone() throws Exception {
        String url = "https://www.notion.so/acme/Ranker-v2-PRD-2222";
        HttpResponse<String> ack = requests.form("/slack/commands", command("U0SAM", "canonical mark <" + url + ">", "refused"));
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ack.body()).path("response_type").asText()).isEqualTo("ephemeral");

        List<FakeSlack.RecordedCall> refusal = slack.awaitResponses("refused", 1, WAIT);
        assertThat(refusal).hasSize(1);
        assertThat(refusal.get(0).body().path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(refusal.get(0).body().path("text").asText()).contains("Only admins").contains("sam@example.com");
        assertThat(ws.canonicalMarks().find("notion:page:prd-v2")).isEmpty();

        requests.form("/slack/commands", command("U0DANA", "canonical mark " + url, "admin"));
        List<FakeSlack.RecordedCall> done = slack.awaitResponses("admin", 1, WAIT);
        assertThat(done.get(0).body().path("text").asText()).startsWith("Marked canonical");
        assertThat(ws.canonicalMarks().find("notion:page:prd-v2")).get().extracting(m -> m.markedBy()).isEqualTo("dana@example.com");
    }

    @Test
    void aSlashAskIsAnsweredEphemerallyThroughTheResponseUrl() throws Exception {
        HttpResponse<String> ack = requests.form("/slack/commands", command("U0DANA", "ask what is blocking RNK-101?", "ask"));
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonNode answer = slack.awaitResponses("ask", 1, WAIT).get(0).body();
        assertThat(answer.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(answer.path("blocks").toString()).containsPattern("<https://[^|>]+\\|\\[\\d+]>");

        JsonNode usage = JSON.readTree(requests.form("/slack/commands", command("U0DANA", "frobnicate", "usage")).body());
        assertThat(usage.path("text").asText()).startsWith("Usage:");
    }

    @Test
    void aSlashPrepIsAnsweredEphemerallyWithTheOpenReviewCited() throws Exception {
        requests.form("/slack/commands", command("U0DANA", "prep --with <mailto:lee@example.com|lee@example.com> --since 3d", "prep"));
        JsonNode prep = slack.awaitResponses("prep", 1, WAIT).get(0).body();
        assertThat(prep.path("response_type").asText()).isEqualTo("ephemeral");
        assertThat(prep.path("blocks").toString()).contains("1:1 with Lee Park", "Changes requested on #44").containsPattern("<https://[^|>]+\\|\\[\\d+]>");

        requests.form("/slack/commands", command("U0DANA", "prep --with lea@example.com", "prep-unknown"));
        assertThat(slack.awaitResponses("prep-unknown", 1, WAIT).get(0).body().path("text").asText())
                .isEqualTo("unknown person lea@example.com: no source reports this e-mail (did you mean lee@example.com?)");
        JsonNode usage = JSON.readTree(requests.form("/slack/commands", command("U0DANA", "prep", "prep-usage")).body());
        assertThat(usage.path("text").asText()).startsWith("Usage:").contains("/nightjar prep");
    }

    @Test
    void aScratchpadMessageBecomesANoteWithApprovalButtonsAndIsRoutedOnlyWhenApproved() throws Exception {
        String ts = "1764050000.000600";
        int postsBefore = slack.posts.size();
        String raw = "billing cutover: Priya to draft the rollback runbook by Friday. Should we freeze invoices during the cutover?";
        requests.json("/slack/events", message("Ev-scratch-1", "U0SAM", "C0SCRATCH", ts, raw), Map.of());

        JsonNode posted = slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT).get(0);
        assertThat(posted.path("channel").asText()).isEqualTo("C0SCRATCH");
        String blocks = posted.path("blocks").toString();
        assertThat(blocks).contains("Route to Billing migration cutover").contains("note_route").contains("note_change_project")
                .contains("note_discard").contains("rollback runbook");
        String noteId = ws.database().jdbc().queryForObject("SELECT note_id FROM slack_note_approvals WHERE thread_ts=?", String.class, ts);

        // Before anyone presses a button: parked, linked to no project, nothing posted anywhere else.
        Thread.sleep(1000);
        assertThat(slack.posts.size() - postsBefore).isEqualTo(1);
        assertThat(ws.documents().linksFrom(noteId)).noneMatch(l -> l.type() == LinkType.PART_OF || l.type() == LinkType.ASSIGNED_TO);
        assertThat(ws.documents().find(noteId).orElseThrow().document().properties()).containsEntry("routing", "pending");
        assertThat(ws.documents().find(noteId).orElseThrow().document().projects()).isEmpty();
        assertThat(state(noteId)).isEqualTo("PENDING");

        // Someone else may not approve it.
        requests.form("/slack/interactivity", Map.of("payload", press("U0GHOST", NoteBlocksIds.ROUTE, noteId, "ghost")));
        assertThat(slack.awaitResponses("ghost", 1, WAIT).get(0).body().path("text").asText()).contains("Only the note's author");
        assertThat(state(noteId)).isEqualTo("PENDING");

        // The author presses "Route to Billing migration cutover".
        HttpResponse<String> pressed = requests.form("/slack/interactivity", Map.of("payload", press("U0SAM", NoteBlocksIds.ROUTE, noteId, "route")));
        assertThat(pressed.statusCode()).isEqualTo(200);
        JsonNode replaced = slack.awaitResponses("route", 1, WAIT).get(0).body();
        assertThat(replaced.path("replace_original").asBoolean()).isTrue();
        assertThat(replaced.path("text").asText()).startsWith("Routed to Billing migration cutover");
        assertThat(slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 2, WAIT)).hasSize(2);
        assertThat(state(noteId)).isEqualTo("ROUTED");
        assertThat(ws.documents().linksFrom(noteId)).extracting(Link::type, Link::to).contains(
                org.assertj.core.groups.Tuple.tuple(LinkType.PART_OF, "linear:project:prj-bill"),
                org.assertj.core.groups.Tuple.tuple(LinkType.ASSIGNED_TO, "person:priya@example.com"));

        // A second press (double click, or after a restart) changes nothing.
        requests.form("/slack/interactivity", Map.of("payload", press("U0SAM", NoteBlocksIds.ROUTE, noteId, "again")));
        Thread.sleep(1000);
        assertThat(slack.responses.stream().filter(r -> r.path().equals("/respond/again"))).isEmpty();
        assertThat(slack.posts.stream().filter(p -> ts.equals(p.path("thread_ts").asText()))).hasSize(2);
    }

    @Test
    void anUnsureNoteOffersItsCandidatesAndIsRoutedToTheOneChosen() throws Exception {
        String ts = "1764050000.000650";
        requests.json("/slack/events", message("Ev-scratch-unsure", "U0DANA", "C0SCRATCH", ts,
                "Need to tidy up the harness and the cutover before the holidays."), Map.of());
        String blocks = slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT).get(0).path("blocks").toString();
        assertThat(blocks).doesNotContain("note_route").contains("note_change_project").contains("unsure");
        String noteId = ws.database().jdbc().queryForObject("SELECT note_id FROM slack_note_approvals WHERE thread_ts=?", String.class, ts);

        requests.form("/slack/interactivity", Map.of("payload", press("U0DANA", "note_change_project", noteId, "change")));
        JsonNode choice = slack.awaitResponses("change", 1, WAIT).get(0).body();
        List<String> options = choice.findValues("options").get(0).findValues("value").stream().map(JsonNode::asText).toList();
        assertThat(options).contains(noteId + "|linear:project:prj-bill");
        assertThat(state(noteId)).isEqualTo("PENDING");

        ObjectNode pick = (ObjectNode) JSON.readTree(press("U0DANA", "note_pick_project", "", "picked"));
        ((ObjectNode) pick.path("actions").get(0)).putObject("selected_option").put("value", noteId + "|linear:project:prj-bill");
        requests.form("/slack/interactivity", Map.of("payload", JSON.writeValueAsString(pick)));
        assertThat(slack.awaitResponses("picked", 1, WAIT).get(0).body().toString()).contains("Route to Billing migration cutover");
        assertThat(ws.documents().linksFrom(noteId)).noneMatch(l -> l.type() == LinkType.PART_OF);

        requests.form("/slack/interactivity", Map.of("payload", press("U0DANA", NoteBlocksIds.ROUTE, noteId, "routed-after-pick")));
        assertThat(slack.awaitResponses("routed-after-pick", 1, WAIT)).hasSize(1);
        assertThat(state(noteId)).isEqualTo("ROUTED");
        assertThat(ws.documents().linksFrom(noteId)).extracting(Link::type, Link::to).contains(
                org.assertj.core.groups.Tuple.tuple(LinkType.PART_OF, "linear:project:prj-bill"));
    }

    @Test
    void discardDeletesTheNote() throws Exception {
        String ts = "1764050000.000700";
        requests.json("/slack/events", message("Ev-scratch-2", "U0SAM", "C0SCRATCH", ts, "billing cutover: maybe move the freeze a week?"), Map.of());
        slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT);
        String noteId = ws.database().jdbc().queryForObject("SELECT note_id FROM slack_note_approvals WHERE thread_ts=?", String.class, ts);

        requests.form("/slack/interactivity", Map.of("payload", press("U0SAM", NoteBlocksIds.DISCARD, noteId, "discard")));
        assertThat(slack.awaitResponses("discard", 1, WAIT).get(0).body().path("text").asText()).startsWith("Discarded");
        assertThat(state(noteId)).isEqualTo("DISCARDED");
        assertThat(ws.documents().find(noteId).orElseThrow().deleted()).isTrue();
    }

    @Test
    void feedbackButtonsAreRecordedForRanking() throws Exception {
        String ts = "1764050000.000800";
        requests.json("/slack/events", mention("Ev-feedback", "U0DANA", "C0RANKER", ts, "<@" + BOT + "> what is blocking RNK-101?"), Map.of());
        JsonNode answer = slack.awaitPosts(p -> ts.equals(p.path("thread_ts").asText()), 1, WAIT).get(0);
        String answerId = JSON.readTree(answer.path("blocks").toString()).findValues("elements").stream()
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.spliterator(), false))
                .filter(e -> "answer_wrong_source".equals(e.path("action_id").asText())).findFirst().orElseThrow().path("value").asText();

        requests.form("/slack/interactivity", Map.of("payload", press("U0DANA", "answer_wrong_source", answerId, "feedback")));
        assertThat(slack.awaitResponses("feedback", 1, WAIT)).hasSize(1);
        assertThat(ws.database().jdbc().queryForObject("SELECT verdict FROM slack_feedback WHERE answer_id=? AND user_id='U0DANA'",
                String.class, Long.parseLong(answerId))).isEqualTo("wrong_source");
        assertThat(ws.database().jdbc().queryForObject("SELECT cited_doc_ids FROM slack_answers WHERE id=?", String.class,
                Long.parseLong(answerId))).contains("linear:issue:");
    }

    /** Action ids, spelled as Slack would send them back. */
    static final class NoteBlocksIds {
        static final String ROUTE = dev.nightjar.slack.blocks.NoteBlocks.ROUTE, DISCARD = dev.nightjar.slack.blocks.NoteBlocks.DISCARD;
    }

    private String state(String noteId) {
        return ws.database().jdbc().queryForObject("SELECT state FROM slack_note_approvals WHERE note_id=?", String.class, noteId);
    }

    private Map<String, String> command(String user, String text, String responseName) {
        return new java.util.LinkedHashMap<>(Map.of("token", "x", "team_id", "T1", "channel_id", "C0RANKER", "user_id", user,
                "command", "/nightjar", "text", text, "response_url", slack.responseUrl(responseName), "trigger_id", "1.2.3"));
    }

    private String press(String user, String actionId, String value, String responseName) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "block_actions");
        p.putObject("user").put("id", user);
        p.put("response_url", slack.responseUrl(responseName));
        p.putArray("actions").addObject().put("action_id", actionId).put("value", value).put("type", "button");
        return JSON.writeValueAsString(p);
    }

    private String mention(String eventId, String user, String channel, String ts, String text) throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(resource("event_callback.app_mention.json"));
        envelope.put("event_id", eventId);
        ((ObjectNode) envelope.path("authorizations").get(0)).put("user_id", BOT);
        ObjectNode event = (ObjectNode) envelope.path("event");
        event.put("user", user).put("channel", channel).put("ts", ts).put("event_ts", ts).put("text", text);
        return JSON.writeValueAsString(envelope);
    }

    private String message(String eventId, String user, String channel, String ts, String text) throws Exception {
        ObjectNode envelope = (ObjectNode) JSON.readTree(mention(eventId, user, channel, ts, text));
        ((ObjectNode) envelope.path("event")).put("type", "message").put("channel_type", "channel");
        return JSON.writeValueAsString(envelope);
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = SlackAppServeTest.class.getResourceAsStream("/slack-app/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
