package dev.nightjar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.slack.SlackConnectorFactory;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Normalized;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Slack connector against the sandbox's Web API server. */
class SlackSandboxTest {

    @TempDir
    Path dir;
    SandboxHarness h;

    @BeforeEach
    void start() {
        h = new SandboxHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static List<SourceRecord> all(Map<String, List<SourceRecord>> records) {
        return records.values().stream().flatMap(List::stream).toList();
    }

    private static SourceRecord thread(Map<String, List<SourceRecord>> records, String channel, String ts) {
        return all(records).stream().filter(r -> r.json().path("channel").path("id").asText().equals(channel)
                && r.json().path("messages").path(0).path("ts").asText().equals(ts)).findFirst().orElseThrow();
    }

    @Test
    void fullSyncHasThePlantedThreadsAndIncrementalSyncPicksUpOnlyTheLateReply() {
        Connector connector = h.connector(new SlackConnectorFactory());
        Map<String, String> cursors = new HashMap<>();
        Map<String, List<SourceRecord>> full = SandboxHarness.sync(connector, cursors);
        SampleCompany c = h.sandbox.company();
        SampleCompany.Stories s = c.stories();

        assertThat(full.get("users")).hasSize(c.slackUsers.size());
        assertThat(full.keySet()).contains("messages:rnk-team", "messages:leadership", "messages:leads-scratchpad");
        int messages = all(full).stream().filter(r -> r.stream().startsWith("messages:"))
                .mapToInt(r -> r.json().path("messages").size()).sum();
        assertThat(messages).isEqualTo(c.counts().get("slack") - c.slackUsers.size());
        long fullRequests = h.sandbox.requestCount("slack");

        // the decision thread carries its why and the late reply from last night
        SourceRecord decision = thread(full, s.decisionChannelId(), s.decisionThreadTs());
        assertThat(decision.json().path("messages")).extracting(m -> m.path("text").asText())
                .anySatisfy(t -> assertThat(t).startsWith("Decision: we'll go with hybrid"));
        assertThat(decision.json().path("messages")).extracting(m -> m.path("ts").asText()).endsWith(s.lateReplyTs());

        Normalized priv = connector.normalizer().normalize(thread(full, s.privateChannelId(), s.privateThreadTs()));
        Document privDoc = priv.documents().get(0);
        assertThat(privDoc.acl().everyone()).isFalse();
        assertThat(privDoc.acl().principals()).containsExactlyInAnyOrder(
                c.channel("leadership").members.stream().map(m -> "slack:" + m).toArray(String[]::new));

        Document scratch = connector.normalizer().normalize(thread(full, s.scratchpadChannelId(), s.scratchpadTs())).documents().get(0);
        assertThat(scratch.properties()).containsEntry("scratchpad", "true");
        assertThat(scratch.body()).contains(s.scratchpadLaunchDate().toString());

        Normalized mention = connector.normalizer().normalize(thread(full, s.overnightMentionChannelId(), s.overnightMentionTs()));
        assertThat(mention.links()).extracting(l -> l.to()).contains("person:slack:" + s.overnightMentionedSlackId(), "linear:issue:PAY-88");
        assertThat(mention.documents().get(0).createdAt()).isAfter(SandboxHarness.NOW.minus(Duration.ofHours(9)));

        // nothing new: each channel's lookback window is listed again (one history call each), no thread re-read
        Map<String, List<SourceRecord>> again = SandboxHarness.sync(connector, cursors);
        assertThat(again.entrySet()).allSatisfy(e -> assertThat(e.getKey().equals("users") || e.getValue().isEmpty()).isTrue());
        assertThat(h.sandbox.requestCount("slack") - fullRequests).isEqualTo(1 + c.channels.size());

        // another night: a late reply on the week-old decision thread is found
        h.clock.set(SandboxHarness.NOW.plus(Duration.ofHours(22)));
        c.advance(SandboxHarness.NOW.plus(Duration.ofHours(20)));
        Map<String, List<SourceRecord>> night = SandboxHarness.sync(connector, cursors);
        assertThat(night.get("messages:rnk-team")).singleElement().satisfies(r -> {
            JsonNode msgs = r.json().path("messages");
            assertThat(msgs.path(0).path("ts").asText()).isEqualTo(s.decisionThreadTs());
            assertThat(msgs.get(msgs.size() - 1).path("text").asText()).startsWith("Another late note");
        });
        assertThat(DocumentId.of("slack", "thread", s.decisionChannelId() + "/" + s.decisionThreadTs()).toString())
                .isEqualTo(connector.normalizer().normalize(night.get("messages:rnk-team").get(0)).documents().get(0).id().toString());
    }

    @Test
    void errorsAreSlacksOwn() throws Exception {
        OkHttpClient http = new OkHttpClient();
        try (Response r = http.newCall(new Request.Builder().url(h.sandbox.slackUrl() + "/chat.nope")
                .header("Authorization", "Bearer xoxb-x").build()).execute()) {
            assertThat(r.code()).isEqualTo(404);
            assertThat(r.body().string()).contains("\"ok\":false").contains("unknown_method");
        }
        try (Response r = http.newCall(new Request.Builder().url(h.sandbox.slackUrl() + "/conversations.history?channel=C0NOPE")
                .header("Authorization", "Bearer xoxb-x").build()).execute()) {
            assertThat(r.body().string()).contains("channel_not_found");
        }
        try (Response r = http.newCall(new Request.Builder().url(h.sandbox.slackUrl() + "/auth.test").build()).execute()) {
            assertThat(r.body().string()).contains("not_authed");
        }
    }
}
