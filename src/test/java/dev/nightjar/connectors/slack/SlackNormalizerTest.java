package dev.nightjar.connectors.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalizer on the spec's own example bodies (see src/test/resources/slack/README.md). */
class SlackNormalizerTest {

    private final SlackNormalizer normalizer = new SlackNormalizer();

    private static ObjectNode threadRecord(JsonNode messages, boolean isPrivate, List<String> members) {
        ObjectNode record = FakeSlack.JSON.createObjectNode();
        record.putObject("channel").put("id", "C012AB3CD").put("name", "general").put("is_private", isPrivate).put("scratchpad", false);
        record.put("workspace_url", "https://acme.slack.com");
        record.set("messages", messages);
        if (members != null) members.forEach(record.putArray("members")::add);
        ObjectNode users = record.putObject("users");
        users.putObject("U061F7AUR").put("id", "U061F7AUR").put("real_name", "Ray Stantz").putObject("profile").put("email", "ray@example.com");
        return record;
    }

    @Test
    void theRepliesExampleBecomesOneThreadDocument() {
        JsonNode messages = FakeSlack.resource("conversations.replies.200.json").path("messages");
        Normalized n = normalizer.normalize(new SourceRecord("messages:general", "C012AB3CD", threadRecord(messages, false, null)));
        Document d = n.documents().get(0);
        assertThat(d.id()).isEqualTo(DocumentId.parse("slack:thread:C012AB3CD/1482960137.003543"));
        assertThat(d.url()).isEqualTo("https://acme.slack.com/archives/C012AB3CD/p1482960137003543");
        assertThat(d.body()).isEqualTo("Ray Stantz: island\n\nRay Stantz: one island\n\nRay Stantz: two island\n\nRay Stantz: three for the land");
        assertThat(d.properties()).containsEntry("reply_count", "3").containsEntry("latest_reply", "1483125339.020269");
        assertThat(d.participants()).containsExactly("slack:U061F7AUR");
        assertThat(n.people()).containsExactly(new PersonIdentity("slack", "U061F7AUR", "ray@example.com", "Ray Stantz", null));
    }

    @Test
    void historyExampleMessagesAreStandaloneDocuments() {
        JsonNode history = FakeSlack.resource("conversations.history.200.json").path("messages");
        ArrayNodeOne one = new ArrayNodeOne(history.get(0));
        Document d = normalizer.normalize(new SourceRecord("messages:general", threadRecord(one.array, false, null))).documents().get(0);
        assertThat(d.author()).isEqualTo("slack:U012AB3CDE");
        assertThat(d.properties()).containsEntry("reply_count", "0").containsEntry("thread_ts", "1512085950.000216");
        assertThat(d.body()).isEqualTo("U012AB3CDE: I find you punny and would like to smell your nose letter");
    }

    @Test
    void aPrivateChannelRecordWithoutMembersIsMalformedNotPublic() {
        JsonNode messages = FakeSlack.resource("conversations.replies.200.json").path("messages");
        assertThatThrownBy(() -> normalizer.normalize(new SourceRecord("messages:general", threadRecord(messages, true, null))))
                .isInstanceOf(MalformedRecordException.class).hasMessageContaining("members");
        Document d = normalizer.normalize(new SourceRecord("messages:general",
                threadRecord(messages, true, List.of("U061F7AUR")))).documents().get(0);
        assertThat(d.acl().everyone()).isFalse();
        assertThat(d.acl().principals()).containsExactly("slack:U061F7AUR");
    }

    @Test
    void aMessageWithoutTsIsMalformed() {
        ArrayNodeOne one = new ArrayNodeOne(FakeSlack.JSON.createObjectNode().put("type", "message").put("user", "U1").put("text", "hi"));
        assertThatThrownBy(() -> normalizer.normalize(new SourceRecord("messages:general", threadRecord(one.array, false, null))))
                .isInstanceOf(MalformedRecordException.class);
    }

    @Test
    void usersExampleBecomesPeopleWithEmailNameAndZone() {
        List<PersonIdentity> people = new ArrayList<>();
        for (JsonNode m : FakeSlack.resource("users.list.200.json").path("members")) {
            people.addAll(normalizer.normalize(new SourceRecord("users", m)).people());
        }
        assertThat(people).containsExactly(
                new PersonIdentity("slack", "W012A3CDE", "spengler@ghostbusters.example.com", "Egon Spengler", "America/Los_Angeles"),
                new PersonIdentity("slack", "W07QCRPA4", "glenda@south.oz.coven", "Glinda Southgood", "America/Los_Angeles"));
    }

    @Test
    void botUsersAreNotPeopleAndUnknownFieldsAreIgnored() {
        JsonNode sample = FakeSlack.resource("users.list.sdk_sample.json").path("members").get(0);
        assertThat(normalizer.normalize(new SourceRecord("users", sample)).people()).hasSize(1);
        ObjectNode bot = ((ObjectNode) sample.deepCopy()).put("is_bot", true);
        assertThat(normalizer.normalize(new SourceRecord("users", bot)).people()).isEmpty();
    }

    @Test
    void theSdkHistorySampleIsABotMessageAndIsDropped() {
        JsonNode messages = FakeSlack.resource("conversations.history.sdk_sample.json").path("messages");
        assertThat(normalizer.normalize(new SourceRecord("messages:general", threadRecord(messages, false, null))).documents()).isEmpty();
    }

    @Test
    void aDeletedRootWithNoRepliesLeftIsReportedDeleted() {
        ArrayNodeOne one = new ArrayNodeOne(FakeSlack.JSON.createObjectNode().put("type", "message").put("subtype", "tombstone")
                .put("user", "USLACKBOT").put("text", "This message was deleted.").put("ts", "1700000000.000100"));
        Normalized n = normalizer.normalize(new SourceRecord("messages:general", threadRecord(one.array, false, null)));
        assertThat(n.documents()).isEmpty();
        assertThat(n.deleted()).containsExactly(DocumentId.parse("slack:thread:C012AB3CD/1700000000.000100"));
    }

    /** A one-element messages array. */
    private static final class ArrayNodeOne {
        final com.fasterxml.jackson.databind.node.ArrayNode array = FakeSlack.JSON.createArrayNode();

        ArrayNodeOne(JsonNode message) {
            array.add(message);
        }
    }
}
