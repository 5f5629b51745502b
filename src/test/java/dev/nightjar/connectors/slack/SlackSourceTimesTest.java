package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A thread's times are its messages' times: created = the first message, updated = the newest message
 * or edit, and whoever wrote that newest change made the version. (The normalizer has no clock at all.)
 */
class SlackSourceTimesTest {

    private static ObjectNode message(ArrayNode messages, String user, String ts, String text) {
        ObjectNode m = messages.addObject().put("type", "message").put("user", user).put("ts", ts).put("text", text);
        m.put("thread_ts", messages.get(0) == null ? ts : messages.get(0).path("ts").asText());
        return m;
    }

    private static Document thread(ArrayNode messages) {
        ObjectNode record = FakeSlack.JSON.createObjectNode();
        record.putObject("channel").put("id", "C0DEC").put("name", "rnk-team").put("is_private", false);
        record.put("workspace_url", "https://acme.slack.com");
        record.set("messages", messages);
        ObjectNode users = record.putObject("users");
        users.putObject("U0MAYA").put("id", "U0MAYA").put("real_name", "Maya Okafor");
        users.putObject("U0TOM").put("id", "U0TOM").put("real_name", "Tomás Ibarra");
        return new SlackNormalizer().normalize(new SourceRecord("messages:rnk-team", record)).documents().get(0);
    }

    @Test
    void aWeekOldThreadWithAReplyLastNightKeepsItsStartAndCarriesTheReplysTime() {
        ArrayNode messages = FakeSlack.JSON.createArrayNode();
        message(messages, "U0MAYA", "1763500000.000100", "Decision: we'll go with hybrid because recall.");
        message(messages, "U0TOM", "1764100000.000200", "Late follow-up: confirmed.");
        Document d = thread(messages);
        assertThat(d.createdAt()).isEqualTo(Instant.ofEpochSecond(1763500000, 100_000));
        assertThat(d.updatedAt()).isEqualTo(Instant.ofEpochSecond(1764100000, 200_000));
        assertThat(d.editedBy()).isEqualTo("slack:U0TOM");
        assertThat(d.properties()).containsEntry("latest_reply", "1764100000.000200");
    }

    @Test
    void anEditIsTheNewestChangeAndItsWriterMadeTheVersion() {
        ArrayNode messages = FakeSlack.JSON.createArrayNode();
        message(messages, "U0MAYA", "1763500000.000100", "Launch on the 16th.");
        message(messages, "U0TOM", "1763600000.000200", "ok");
        message(messages, "U0MAYA", "1763550000.000300", "edited later")
                .putObject("edited").put("user", "U0MAYA").put("ts", "1763700000.000000");
        Document d = thread(messages);
        assertThat(d.updatedAt()).isEqualTo(Instant.ofEpochSecond(1763700000));
        assertThat(d.editedBy()).isEqualTo("slack:U0MAYA");
    }
}
