package dev.nightjar.connectors.slack;

import static dev.nightjar.connectors.slack.SlackHarness.NOW;
import static dev.nightjar.connectors.slack.SlackHarness.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.PersonIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackConnectorTest {

    static final String GENERAL = "C012AB3CD";
    static final String RANDOM = "C061EG9T2";
    static final String EGON = "W012A3CDE";
    static final String GLINDA = "W07QCRPA4";

    SlackHarness h;
    String threadA, standaloneB, botC, joinD, oldThreadE;

    @BeforeEach
    void workspace() throws Exception {
        h = new SlackHarness();
        FakeSlack s = h.slack;
        threadA = ts(Duration.ofDays(10));
        s.post(GENERAL, EGON, "Deploy plan for PAY-12, see <https://github.com/acme/api/pull/42|PR 42>", threadA);
        s.reply(GENERAL, threadA, GLINDA, "Looks good <@" + EGON + ">, ship it", ts(Duration.ofDays(9)));
        s.reply(GENERAL, threadA, EGON, "Fixes PAY-13 too", ts(Duration.ofDays(8)));
        standaloneB = ts(Duration.ofDays(5));
        s.post(GENERAL, GLINDA, "Hello <@" + EGON + "> &amp; <!here>: <#" + RANDOM + "|random> is open", standaloneB);
        botC = ts(Duration.ofDays(4));
        s.raw(GENERAL, FakeSlack.JSON.createObjectNode().put("type", "message").put("subtype", "bot_message")
                .put("bot_id", "B19LU7CSY").put("username", "ecto1").put("text", "Here's a message for you").put("ts", botC));
        joinD = ts(Duration.ofDays(3));
        s.raw(GENERAL, FakeSlack.JSON.createObjectNode().put("type", "message").put("subtype", "channel_join")
                .put("user", GLINDA).put("text", "<@" + GLINDA + "> has joined the channel").put("ts", joinD));
        oldThreadE = ts(Duration.ofDays(30));
        s.post(GENERAL, GLINDA, "Quarterly numbers", oldThreadE);
        s.reply(GENERAL, oldThreadE, EGON, "Thanks", ts(Duration.ofDays(29)));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private static String id(String channel, String ts) {
        return "slack:thread:" + channel + "/" + ts;
    }

    // ---- full sync, then incremental ----------------------------------------------------------

    @Test
    void fullSyncThenIncrementalAsksOnlyForChanges() {
        SlackHarness.Run full = h.sync(h.connector(List.of("#general"), List.of()));
        assertThat(full.documents().keySet()).containsExactlyInAnyOrder(
                id(GENERAL, threadA), id(GENERAL, standaloneB), id(GENERAL, oldThreadE));
        HttpUrl firstHistory = h.slack.calls("conversations.history").get(0);
        assertThat(firstHistory.queryParameter("oldest")).isNull();
        assertThat(firstHistory.queryParameter("limit")).isEqualTo("999");
        assertThat(h.slack.calls("conversations.replies")).extracting(u -> u.queryParameter("ts"))
                .containsExactlyInAnyOrder(threadA, oldThreadE);

        // Nothing changed: one history call over the lookback window, no replies read, nothing emitted.
        h.slack.calls.clear();
        h.clock.advance(Duration.ofHours(1));
        SlackHarness.Run quiet = h.sync(h.connector(List.of("#general"), List.of()));
        assertThat(quiet.documents()).isEmpty();
        assertThat(h.slack.calls("conversations.history")).singleElement()
                .satisfies(u -> assertThat(u.queryParameter("oldest"))
                        .isEqualTo(Ts.of(NOW.plus(Duration.ofHours(1)).minus(Duration.ofDays(14)))));
        assertThat(h.slack.calls("conversations.replies")).isEmpty();

        // A new message: only it comes back.
        String fresh = ts(Duration.ofMinutes(-30));
        h.slack.post(GENERAL, EGON, "New thought", fresh);
        h.slack.calls.clear();
        SlackHarness.Run incremental = h.sync(h.connector(List.of("#general"), List.of()));
        assertThat(incremental.documents().keySet()).containsExactly(id(GENERAL, fresh));
        assertThat(h.slack.calls("conversations.replies")).isEmpty();
        assertThat(HistoryCursor.parse(h.cursors.get("messages:general")).watermark).isEqualTo(fresh);
    }

    @Test
    void documentCarriesUrlAuthorParticipantsPropertiesMentionsAndLinks() {
        SlackHarness.Run run = h.sync(h.connector(List.of("general"), List.of()));
        Document a = run.doc(id(GENERAL, threadA));
        assertThat(a.url()).isEqualTo("https://acme.slack.com/archives/" + GENERAL + "/p" + threadA.replace(".", ""));
        assertThat(a.title()).isEqualTo("#general: Deploy plan for PAY-12, see PR 42 (https://github.com/acme/api/pull/42)");
        assertThat(a.author()).isEqualTo("slack:" + EGON);
        assertThat(a.participants()).containsExactly("slack:" + EGON, "slack:" + GLINDA);
        assertThat(a.body()).contains("Glinda Southgood: Looks good @Egon Spengler, ship it")
                .doesNotContain("<@");
        assertThat(a.createdAt()).isEqualTo(Ts.instant(threadA));
        assertThat(a.updatedAt()).isEqualTo(Ts.instant(ts(Duration.ofDays(8))));
        assertThat(a.properties()).containsEntry("channel", "general").containsEntry("channel_id", GENERAL)
                .containsEntry("thread_ts", threadA).containsEntry("reply_count", "2")
                .containsEntry("latest_reply", ts(Duration.ofDays(8))).doesNotContainKey("scratchpad");
        assertThat(a.acl()).isEqualTo(Acl.workspace());
        assertThat(a.rawJson()).contains("Deploy plan");
        DocumentId aid = a.id();
        assertThat(run.links()).contains(
                Link.toPerson(aid, LinkType.MENTIONS, "slack:" + EGON),
                Link.toDocument(aid, LinkType.REFERENCES, DocumentId.parse("linear:issue:PAY-12")),
                Link.toDocument(aid, LinkType.CLOSES, DocumentId.parse("linear:issue:PAY-13")),
                Link.toDocument(aid, LinkType.REFERENCES, DocumentId.of("github", "pr", "acme/api#42")));

        Document b = run.doc(id(GENERAL, standaloneB));
        assertThat(b.body()).isEqualTo("Glinda Southgood: Hello @Egon Spengler & @here: #random is open");
        assertThat(b.properties()).containsEntry("reply_count", "0").containsEntry("thread_ts", standaloneB);
        assertThat(run.people()).contains(
                new PersonIdentity("slack", EGON, "spengler@ghostbusters.example.com", "Egon Spengler", "America/Los_Angeles"));
    }

    @Test
    void botPostsAndJoinsAreDropped() {
        SlackHarness.Run run = h.sync(h.connector(List.of("general"), List.of()));
        assertThat(run.documents()).doesNotContainKeys(id(GENERAL, botC), id(GENERAL, joinD));
        assertThat(run.documents().values()).extracting(Document::body)
                .noneMatch(b -> b.contains("has joined") || b.contains("Here's a message for you"));
    }

    @Test
    void scratchpadChannelDocumentsAreMarked() {
        SlackHarness.Run run = h.sync(h.connector(List.of(), List.of("#general")));
        assertThat(run.doc(id(GENERAL, standaloneB)).properties())
                .containsEntry("scratchpad", "true").containsEntry("channel", "general").containsEntry("channel_id", GENERAL);
    }

    // ---- late replies ---------------------------------------------------------------------------

    @Test
    void lateReplyToAnOldThreadAppearsAfterTheIncrementalRun() {
        h.sync(h.connector(List.of("general"), List.of()));
        h.clock.advance(Duration.ofDays(1));
        String late = Ts.of(NOW.plus(Duration.ofHours(20)));
        h.slack.reply(GENERAL, threadA, GLINDA, "Late: the rollback happened, see PAY-14", late);
        h.slack.calls.clear();

        SlackHarness.Run run = h.sync(h.connector(List.of("general"), List.of()));

        assertThat(run.documents().keySet()).containsExactly(id(GENERAL, threadA));
        Document a = run.doc(id(GENERAL, threadA));
        assertThat(a.body()).contains("Late: the rollback happened");
        assertThat(a.properties()).containsEntry("reply_count", "3").containsEntry("latest_reply", late);
        assertThat(a.updatedAt()).isEqualTo(Ts.instant(late));
        assertThat(h.slack.calls("conversations.replies")).extracting(u -> u.queryParameter("ts")).containsExactly(threadA);

        // And it is not read again the night after.
        h.slack.calls.clear();
        h.clock.advance(Duration.ofDays(1));
        assertThat(h.sync(h.connector(List.of("general"), List.of())).documents()).isEmpty();
        assertThat(h.slack.calls("conversations.replies")).isEmpty();
    }

    @Test
    void editsInTheWindowAndDeletedRepliesAreReadAgain() {
        h.sync(h.connector(List.of("general"), List.of()));
        h.clock.advance(Duration.ofHours(2));
        // Edit of the standalone message B: Slack keeps its ts and adds edited.ts.
        h.slack.calls.clear();
        SlackHarness.Run before = h.sync(h.connector(List.of("general"), List.of()));
        assertThat(before.documents()).doesNotContainKey(id(GENERAL, standaloneB));
        h.slack.edit(GENERAL, standaloneB, "Hello again (edited)", Ts.of(NOW.plus(Duration.ofHours(1))));
        h.slack.deleteLastReply(GENERAL, threadA);
        SlackHarness.Run run = h.sync(h.connector(List.of("general"), List.of()));
        assertThat(run.doc(id(GENERAL, standaloneB)).body()).contains("Hello again (edited)");
        assertThat(run.doc(id(GENERAL, threadA)).properties()).containsEntry("reply_count", "1");
        assertThat(run.doc(id(GENERAL, threadA)).body()).doesNotContain("Fixes PAY-13");

        // Read once: the next night (no new top-level message, so the watermark did not move) is quiet.
        h.slack.calls.clear();
        assertThat(h.sync(h.connector(List.of("general"), List.of())).documents()).isEmpty();
        assertThat(h.slack.calls("conversations.replies")).isEmpty();
    }

    @Test
    void broadcastReplyToAThreadOlderThanTheWindowIsPickedUp() {
        h.sync(h.connector(List.of("general"), List.of()));
        String late = Ts.of(NOW.plus(Duration.ofHours(1)));
        h.slack.broadcast(GENERAL, oldThreadE, EGON, "Revisiting this", late);
        h.slack.calls.clear();

        SlackHarness.Run run = h.sync(h.connector(List.of("general"), List.of()));
        assertThat(run.doc(id(GENERAL, oldThreadE)).body()).contains("Revisiting this");
        assertThat(run.documents()).doesNotContainKey(id(GENERAL, late));
    }

    // ---- pagination ------------------------------------------------------------------------------

    @Test
    void historyIsReadToTheEndAcrossThreePagesOf999() {
        for (int i = 0; i < 2500; i++) h.slack.post(RANDOM, EGON, "message " + i, FakeSlack.ts(NOW.getEpochSecond() - 100_000 + i, 0));
        SlackHarness.Run run = h.sync(h.connector(List.of("random"), List.of()));
        assertThat(run.documents()).hasSize(2500);
        assertThat(run.pages()).containsEntry("messages:random", 3);
        assertThat(h.slack.calls("conversations.history")).hasSize(3)
                .allSatisfy(u -> assertThat(u.queryParameter("limit")).isEqualTo("999"));
    }

    @Test
    void aCrashAfterPageOneResumesAtPageTwoAndTheWatermarkWaitsForTheLastPage() {
        for (int i = 0; i < 2500; i++) h.slack.post(RANDOM, EGON, "message " + i, FakeSlack.ts(NOW.getEpochSecond() - 100_000 + i, 0));
        h.sync(h.connector(List.of("random"), List.of()));
        String watermark = HistoryCursor.parse(h.cursors.get("messages:random")).watermark;

        for (int i = 0; i < 2100; i++) h.slack.post(RANDOM, GLINDA, "newer " + i, FakeSlack.ts(NOW.getEpochSecond() + 10 + i, 0));
        SourceStream stream = messages(h.connector(List.of("random"), List.of()));
        Page first = stream.read(h.cursors.get("messages:random"));
        assertThat(first.last()).isFalse();
        assertThat(first.records()).hasSize(999);
        HistoryCursor mid = HistoryCursor.parse(first.nextCursor());
        assertThat(mid.watermark).isEqualTo(watermark);     // not advanced past the unread older pages
        assertThat(mid.page).isNotBlank();

        // "Crash": a new process resumes from the saved cursor and reads only what is left.
        StreamDrain.Result rest = StreamDrain.drain(messages(h.connector(List.of("random"), List.of())), first.nextCursor());
        Set<String> seen = rest.records().stream().map(r -> r.json().path("messages").get(0).path("text").asText())
                .collect(Collectors.toSet());
        assertThat(rest.records()).hasSize(2100 - 999);
        assertThat(seen).contains("newer 0").doesNotContain("newer 2099", "message 2499");
        assertThat(HistoryCursor.parse(rest.cursor()).watermark).isEqualTo(FakeSlack.ts(NOW.getEpochSecond() + 10 + 2099, 0));
    }

    @Test
    void longThreadRepliesAreReadAcrossThreePagesOf999() {
        String root = ts(Duration.ofDays(2));
        h.slack.post(RANDOM, EGON, "Incident thread", root);
        for (int i = 0; i < 2100; i++) h.slack.reply(RANDOM, root, i % 2 == 0 ? GLINDA : EGON, "reply-" + i,
                FakeSlack.ts(NOW.getEpochSecond() - 100_000 + i, 0));
        SlackHarness.Run run = h.sync(h.connector(List.of("random"), List.of()));
        List<HttpUrl> replies = h.slack.calls("conversations.replies");
        assertThat(replies).hasSize(3).allSatisfy(u -> assertThat(u.queryParameter("limit")).isEqualTo("999"));
        assertThat(replies.get(0).queryParameter("cursor")).isNull();
        assertThat(replies.get(2).queryParameter("cursor")).isNotBlank();
        Document doc = run.doc(id(RANDOM, root));
        assertThat(doc.body()).contains("reply-0", "reply-999", "reply-2099");
        assertThat(doc.properties()).containsEntry("reply_count", "2100");
    }

    // ---- throttles and failures -------------------------------------------------------------

    @Test
    void throttlesAndServerErrorsAreRetriedAndEveryRecordStillArrives() {
        h.slack.fail("conversations.history", 1, new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                .setBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        h.slack.fail("conversations.replies", 1, new MockResponse().setResponseCode(503).setBody("upstream"));
        h.slack.fail("users.list", 1, FakeSlack.error("ratelimited").setHeader("Retry-After", "3"));
        Connector connector = h.connector(List.of("general"), List.of());

        SlackHarness.Run run = h.sync(connector);

        assertThat(run.documents().keySet()).containsExactlyInAnyOrder(
                id(GENERAL, threadA), id(GENERAL, standaloneB), id(GENERAL, oldThreadE));
        assertThat(run.people()).extracting(PersonIdentity::handle).contains(EGON, GLINDA);
        assertThat(connector.stats().retries()).isEqualTo(3);
        assertThat(h.sleeper.waits()).anySatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(Duration.ofSeconds(7)))
                .anySatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4)));
    }

    @Test
    void aPersistentFailureNamesSourceStreamAndCursorAndDoesNotAdvanceIt() {
        for (int i = 0; i < 1500; i++) h.slack.post(RANDOM, EGON, "message " + i, FakeSlack.ts(NOW.getEpochSecond() - 100_000 + i, 0));
        h.slack.failWhen("conversations.history", u -> u.queryParameter("cursor") != null, 100,
                new MockResponse().setResponseCode(500).setBody("{\"ok\":false,\"error\":\"fatal_error\"}"));
        SourceStream stream = messages(h.connector(List.of("random"), List.of()));
        Page first = stream.read(null);
        String saved = first.nextCursor();

        assertThatThrownBy(() -> stream.read(saved))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("slack: ")
                .hasMessageContaining("conversations.history")
                .hasMessageContaining("stream messages:random")
                .hasMessageContaining("stream messages:random: ")
                .hasMessageNotContaining(saved)
                .hasMessageNotContaining(FakeSlack.TOKEN);

        // The saved cursor still points at page two: once Slack recovers, nothing is lost.
        h.slack.clearFaults();
        StreamDrain.Result rest = StreamDrain.drain(stream, saved);
        assertThat(first.records().size() + rest.records().size()).isEqualTo(1500);
    }

    @Test
    void aWebApiErrorNamesTheMethodAndTheError() {
        h.slack.fail("conversations.history", 1, FakeSlack.error("ratelimited_forever"));
        assertThatThrownBy(() -> messages(h.connector(List.of("general"), List.of())).read(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("conversations.history failed: ratelimited_forever");
    }

    @Test
    void aChannelTheAppIsNotInIsReportedUnreadableWithSlacksHintAndTheStreamEnds() {
        h.slack.fail("conversations.history", 1, FakeSlack.error("not_in_channel"));
        Page page = messages(h.connector(List.of("general"), List.of())).read(null);
        assertThat(page.last()).isTrue();
        assertThat(page.records()).isEmpty();
        assertThat(page.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.object()).isEqualTo("channel general");
            assertThat(u.reason()).contains("not_in_channel").contains("invite the app");
        });
    }

    @Test
    void anUnknownChannelNameIsNamedInTheError() {
        assertThatThrownBy(() -> messages(h.connector(List.of("#nope"), List.of())).read(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("#nope").hasMessageContaining("connectors/slack.yml channels");
    }

    // ---- ACL, auth -----------------------------------------------------------------------------

    @Test
    void privateChannelDocumentsAreVisibleToItsMembersOnly() {
        h.slack.addPrivateChannel("G0PRIVATE1", "leads", List.of(EGON, "U0LEAD"));
        String ts = ts(Duration.ofDays(1));
        h.slack.post("G0PRIVATE1", EGON, "Reorg draft", ts);
        SlackHarness.Run run = h.sync(h.connector(List.of("general", "#leads"), List.of()));

        assertThat(run.doc(id("G0PRIVATE1", ts)).acl()).isEqualTo(Acl.members(List.of("slack:" + EGON, "slack:U0LEAD")));
        assertThat(run.doc(id("G0PRIVATE1", ts)).acl().visibleTo(List.of("slack:" + GLINDA))).isFalse();
        assertThat(run.doc(id(GENERAL, standaloneB)).acl().everyone()).isTrue();
        assertThat(h.slack.calls("conversations.members")).singleElement()
                .satisfies(u -> assertThat(u.queryParameter("channel")).isEqualTo("G0PRIVATE1"));
        assertThat(h.slack.calls("conversations.list")).singleElement().satisfies(u -> {
            assertThat(u.queryParameter("types")).isEqualTo("public_channel,private_channel");
            assertThat(u.queryParameter("limit")).isEqualTo("200");
        });
    }

    @Test
    void everyRequestCarriesTheBearerTokenInTheHeaderOnly() throws Exception {
        h.sync(h.connector(List.of("general"), List.of()));
        int n = h.server.getRequestCount();
        for (int i = 0; i < n; i++) {
            RecordedRequest r = h.server.takeRequest();
            assertThat(r.getMethod()).isEqualTo("GET");
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + FakeSlack.TOKEN);
            assertThat(r.getRequestUrl().toString()).doesNotContain(FakeSlack.TOKEN);
        }
    }

    private static SourceStream messages(Connector connector) {
        return connector.streams().stream().filter(s -> s.name().startsWith("messages:")).findFirst().orElseThrow();
    }
}
