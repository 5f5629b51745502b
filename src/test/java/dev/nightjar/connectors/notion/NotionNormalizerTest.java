package dev.nightjar.connectors.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotionNormalizerTest {

    final NotionNormalizer normalizer = new NotionNormalizer();
    final Instant edited = Instant.parse("2026-07-04T09:11:00Z");

    @Test
    void recordedSearchPageBecomesADocument() {
        ObjectNode page = (ObjectNode) FakeNotion.resource("search.paginated.json").at("/interactions/0/response/body/results/0");
        Normalized n = normalizer.normalize(new SourceRecord("pages", page));
        Document d = n.documents().getFirst();
        assertThat(d.id().toString()).isEqualTo("notion:page:393abc1e-edcd-80f3-813b-e205934558c6");
        assertThat(d.url()).isEqualTo("https://app.notion.com/p/393abc1eedcd80f3813be205934558c6");
        assertThat(d.author()).isEqualTo("notion:a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf");
        assertThat(d.participants()).containsExactly("notion:7775f3a3-893f-43fa-b625-460c61094c78");
        assertThat(d.createdAt()).isEqualTo(Instant.parse("2026-07-04T08:48:00Z"));
        assertThat(d.updatedAt()).isEqualTo(edited);
        assertThat(d.title()).isEmpty();
        assertThat(d.state()).isNull();
        assertThat(d.rawJson()).contains("393abc1e-edcd-80f3-813b-e205934558c6");
    }

    @Test
    void archivedOrTrashedPagesAreDeletions() {
        ObjectNode page = NotionFixtures.page("11111111-0000-4000-8000-000000000001", "Gone", edited);
        page.put("in_trash", true);
        Normalized n = normalizer.normalize(new SourceRecord("pages", page));
        assertThat(n.documents()).isEmpty();
        assertThat(n.deleted()).containsExactly(DocumentId.of("notion", "page", "11111111-0000-4000-8000-000000000001"));

        ObjectNode legacy = NotionFixtures.page("11111111-0000-4000-8000-000000000002", "Gone", edited);
        legacy.remove("in_trash");
        legacy.remove("is_archived");
        legacy.put("archived", true);
        assertThat(normalizer.normalize(new SourceRecord("rows", legacy)).deleted()).hasSize(1);
    }

    @Test
    void legacyDatabaseRowKeepsItsProperties() {
        ObjectNode row = (ObjectNode) FakeNotion.resource("database_query.2022-06-28.json").at("/results/0");
        Document d = normalizer.normalize(new SourceRecord("rows", row)).documents().getFirst();
        assertThat(d.title()).isEqualTo("ba");
        assertThat(d.properties()).containsEntry("Name", "ba").containsEntry("Tags", "a")
                .containsEntry("Column 1", "a, v, b").containsEntry("some_prop", "a")
                .containsEntry("data_source_id", "some_id")
                .doesNotContainKey("Column"); // empty people list
        assertThat(d.labels()).containsExactly("a");
    }

    @Test
    void rowLinksToLinearIssuesRelatedPagesAndPeople() {
        ObjectNode row = NotionFixtures.row("55555555-0000-4000-8000-000000000001", "Checkout retries (ASR-90)", "In progress",
                "393abc1e-edcd-81a2-8d0b-000bae7f15dc", edited);
        Normalized n = normalizer.normalize(new SourceRecord("rows", row));
        Document d = n.documents().getFirst();
        assertThat(d.state()).isEqualTo("in_progress");
        assertThat(d.participants()).contains("notion:" + NotionFixtures.CREATOR);
        assertThat(n.links()).extracting(l -> l.type() + " " + l.to()).contains(
                "REFERENCES linear:issue:ASR-117",
                "REFERENCES linear:issue:ASR-90",
                "RELATED notion:page:393abc1e-edcd-80f3-813b-e205934558c6",
                "MENTIONS person:notion:" + NotionFixtures.CREATOR);
        assertThat(n.people()).anySatisfy(p -> assertThat(p.email()).isEqualTo("notion@ramnes.eu"));
    }

    @Test
    void closingMentionInTheBodyWins() {
        ObjectNode page = NotionFixtures.page("11111111-0000-4000-8000-000000000003", "Retro", edited);
        page.putArray(BlockReader.CHILDREN).add(NotionFixtures.paragraph("b1", "p", "This fixes ASR-7 and mentions ASR-8"));
        Normalized n = normalizer.normalize(new SourceRecord("pages", page));
        assertThat(n.links()).anySatisfy(l -> {
            assertThat(l.to()).isEqualTo("linear:issue:ASR-7");
            assertThat(l.type()).isEqualTo(LinkType.CLOSES);
        }).anySatisfy(l -> {
            assertThat(l.to()).isEqualTo("linear:issue:ASR-8");
            assertThat(l.type()).isEqualTo(LinkType.REFERENCES);
        });
        assertThat(n.documents().getFirst().body()).isEqualTo("This fixes ASR-7 and mentions ASR-8");
    }

    @Test
    void pageWithoutIdIsMalformed() {
        ObjectNode page = NotionFixtures.page("x", "No id", edited);
        page.remove("id");
        assertThatThrownBy(() -> normalizer.normalize(new SourceRecord("pages", page)))
                .isInstanceOf(MalformedRecordException.class);
    }
}
