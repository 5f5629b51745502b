package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.Workspace;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages whose words are not in {@code text}: a shared/forwarded message (attachments with
 * {@code is_share}), a blocks-only message (rich_text) and a file-only share. Shapes follow Slack's
 * documented message payloads; the people and words are invented.
 */
class SlackContentOutsideTextTest {

    static final String CUTOVER = "We will move the warehouse cutover to January 12 because the scanner firmware slips";

    @TempDir
    Path tmp;

    private final SlackNormalizer normalizer = new SlackNormalizer();

    /** Shaped like Slack's shared-message attachment: is_share, is_msg_unfurl, author_*, text, fallback, from_url. */
    static ObjectNode shared(String comment, String sharedText) {
        ObjectNode m = FakeSlack.JSON.createObjectNode().put("type", "message").put("user", "U0MAYA")
                .put("text", comment).put("ts", "1764100000.000100");
        ObjectNode a = m.putArray("attachments").addObject();
        a.put("fallback", "[November 24th, 2026 9:00 AM] Dana Kim: " + sharedText).put("ts", "1763974800.000200")
                .put("author_id", "U0DANA").put("author_subname", "Dana Kim").put("channel_id", "C0OPS").put("channel_name", "ops")
                .put("is_msg_unfurl", true).put("is_share", true).put("text", sharedText).put("author_name", "Dana Kim")
                .put("author_link", "https://kestrel.slack.com/team/U0DANA").put("color", "D0D0D0")
                .put("from_url", "https://kestrel.slack.com/archives/C0OPS/p1763974800000200").put("footer", "Posted in #ops");
        a.putArray("mrkdwn_in").add("text");
        return m;
    }

    private Document thread(JsonNode... messages) {
        ObjectNode record = FakeSlack.JSON.createObjectNode();
        record.putObject("channel").put("id", "C0LEADS").put("name", "leads").put("is_private", false).put("scratchpad", false);
        record.put("workspace_url", "https://kestrel.slack.com");
        ArrayNode list = record.putArray("messages");
        for (JsonNode m : messages) list.add(m);
        ObjectNode users = record.putObject("users");
        users.putObject("U0MAYA").put("id", "U0MAYA").put("real_name", "Maya Okafor").putObject("profile").put("email", "maya@kestrel.example");
        users.putObject("U0DANA").put("id", "U0DANA").put("real_name", "Dana Kim").putObject("profile").put("email", "dana@kestrel.example");
        Normalized n = normalizer.normalize(new SourceRecord("messages:leads", "C0LEADS", record));
        assertThat(n.documents()).hasSize(1);
        return n.documents().getFirst();
    }

    @Test
    void aSharedMessageWithAShortCommentCarriesTheSharedTextWithItsOriginalAuthor() {
        Document d = thread(shared("fyi, see below", CUTOVER));
        assertThat(d.body()).isEqualTo("Maya Okafor: fyi, see below\n> Dana Kim: " + CUTOVER);
    }

    @Test
    void aSharedMessageWithEmptyTextIsKeptNotDroppedAsNoise() {
        Document d = thread(shared("", CUTOVER));
        assertThat(d.body()).isEqualTo("Maya Okafor: > Dana Kim: " + CUTOVER);
        assertThat(d.title()).isEqualTo("#leads: > Dana Kim: " + CUTOVER);
    }

    @Test
    void aSharedMessageWithoutTextFallsBackToItsFallback() {
        ObjectNode m = shared("", CUTOVER);
        ((ObjectNode) m.path("attachments").get(0)).remove("text");
        assertThat(thread(m).body()).contains("Dana Kim: [November 24th, 2026 9:00 AM] Dana Kim: " + CUTOVER);
    }

    @Test
    void aBlocksOnlyMessageIsReadFromItsRichTextWithMentionsAndLinks() {
        ObjectNode m = FakeSlack.JSON.createObjectNode().put("type", "message").put("user", "U0MAYA").put("ts", "1764100000.000100");
        ObjectNode block = m.putArray("blocks").addObject().put("type", "rich_text").put("block_id", "b1");
        ArrayNode elements = block.putArray("elements");
        ArrayNode section = elements.addObject().put("type", "rich_text_section").putArray("elements");
        section.addObject().put("type", "text").put("text", "Decision: pick-path batching ships <behind> a flag, ask ");
        section.addObject().put("type", "user").put("user_id", "U0DANA");
        section.addObject().put("type", "text").put("text", " for the ");
        section.addObject().put("type", "link").put("url", "https://kestrel.example/runbook").put("text", "runbook");
        ObjectNode list = elements.addObject().put("type", "rich_text_list").put("style", "bullet").put("indent", 0);
        list.putArray("elements").addObject().put("type", "rich_text_section").putArray("elements")
                .addObject().put("type", "text").put("text", "rollout on Monday");

        Document d = thread(m);
        assertThat(d.body()).isEqualTo("Maya Okafor: Decision: pick-path batching ships <behind> a flag, ask @Dana Kim for the "
                + "runbook (https://kestrel.example/runbook)\n- rollout on Monday");
    }

    @Test
    void aFileOnlyMessageKeepsTheFilesTitle() {
        ObjectNode m = FakeSlack.JSON.createObjectNode().put("type", "message").put("subtype", "file_share").put("user", "U0MAYA")
                .put("text", "").put("ts", "1764100000.000100");
        m.putArray("files").addObject().put("id", "F0PLAN").put("name", "q1-capacity.pdf").put("title", "Q1 warehouse capacity plan")
                .put("mimetype", "application/pdf");
        assertThat(thread(m).body()).isEqualTo("Maya Okafor: [file: Q1 warehouse capacity plan]");
    }

    @Test
    void askFindsTheSharedTextAndCitesTheThread() {
        Document d = thread(shared("fyi, see below", CUTOVER));
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(d));
            Answer a = new AskService(ws, Optional.empty()).ask("When is the warehouse cutover?", Viewer.operator());
            assertThat(a.citations()).anySatisfy(c -> assertThat(c.url()).isEqualTo(d.url()));
            assertThat(a.markdown()).contains("January 12");
        }
    }
}
