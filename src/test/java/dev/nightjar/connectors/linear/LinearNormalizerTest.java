package dev.nightjar.connectors.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinearNormalizerTest {

    private static final String JORDAN = "a1c2e3f4-0000-4000-8000-000000000001";
    private static final String SAM = "a1c2e3f4-0000-4000-8000-000000000002";
    private static final String PROJECT = "5b0e8e0e-1111-4a2b-9c3d-000000000001";
    private static final String INITIATIVE = "7d3c1a2b-2222-4c5d-8e9f-000000000001";
    private static final DocumentId ASR_117 = DocumentId.parse("linear:issue:ASR-117");

    private final LinearNormalizer normalizer = new LinearNormalizer();

    private Normalized normalize(String stream, ObjectNode json) {
        return normalizer.normalize(new SourceRecord(stream, json));
    }

    private static ObjectNode node(String name) {
        return FakeLinear.template(name);
    }

    @Test
    void anIssueBecomesADocumentWithStateTeamProjectPropertiesLinksAndPeople() {
        Normalized n = normalize("issues", node("issue.node.json"));

        assertThat(n.documents()).hasSize(1);
        Document doc = n.documents().get(0);
        assertThat(doc.id()).isEqualTo(ASR_117);
        assertThat(doc.url()).isEqualTo("https://linear.app/acme/issue/ASR-117/retry-uploads-when-the-ranker-times-out");
        assertThat(doc.title()).isEqualTo("Retry uploads when the ranker times out");
        assertThat(doc.body()).startsWith("Uploads fail under load.");
        assertThat(doc.author()).isEqualTo("linear:" + SAM);
        assertThat(doc.participants()).containsExactly("linear:" + SAM, "linear:" + JORDAN);
        assertThat(doc.createdAt()).isEqualTo(Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(doc.updatedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:30.123Z"));
        assertThat(doc.state()).isEqualTo("in_progress");
        assertThat(doc.projects()).containsExactly("linear:team:ASR", "linear:project:" + PROJECT);
        assertThat(doc.labels()).containsExactly("bug", "backend");
        assertThat(doc.properties()).containsEntry("team", "ASR").containsEntry("priority", "2")
                .containsEntry("priority_label", "High").containsEntry("state_name", "In Progress")
                .containsEntry("state_type", "started").containsEntry("estimate", "3").containsEntry("cycle", "14")
                .containsEntry("project_name", "Ranker v2").containsEntry("due_date", "2026-12-01")
                .containsEntry("assignee", "Jordan Lee").containsEntry("parent", "ASR-100")
                .doesNotContainKey("archived_at");
        assertThat(doc.metrics()).containsEntry("estimate", 3.0).containsEntry("priority", 2.0);
        assertThat(doc.rawJson()).contains("\"identifier\":\"ASR-117\"");

        assertThat(n.links()).containsExactlyInAnyOrder(
                Link.toDocument(ASR_117, LinkType.PART_OF, DocumentId.parse("linear:project:" + PROJECT)),
                Link.toDocument(ASR_117, LinkType.PART_OF, DocumentId.parse("linear:issue:ASR-100")),
                Link.toPerson(ASR_117, LinkType.ASSIGNED_TO, "linear:" + JORDAN),
                Link.toDocument(ASR_117, LinkType.REFERENCES, DocumentId.parse("linear:issue:PAY-9")),
                Link.toDocument(ASR_117, LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-120")));
        assertThat(n.people()).containsExactly(
                new PersonIdentity("linear", JORDAN, "jordan@example.com", "Jordan Lee", "Asia/Seoul"),
                new PersonIdentity("linear", SAM, "sam@example.com", "Sam Park", null));
        assertThat(n.deleted()).isEmpty();
    }

    @Test
    void issueStatesAreNormalizedFromTheWorkflowStateType() {
        assertThat(IssueMapper.state("backlog")).isEqualTo("open");
        assertThat(IssueMapper.state("unstarted")).isEqualTo("open");
        assertThat(IssueMapper.state("triage")).isEqualTo("open");
        assertThat(IssueMapper.state("started")).isEqualTo("in_progress");
        assertThat(IssueMapper.state("completed")).isEqualTo("done");
        assertThat(IssueMapper.state("canceled")).isEqualTo("canceled");
        ObjectNode done = node("issue.node.json");
        ((ObjectNode) done.get("state")).put("type", "completed").put("name", "Shipped");
        assertThat(normalize("issues", done).documents().get(0).state()).isEqualTo("done");
    }

    @Test
    void aTrashedIssueIsDeleted_anArchivedOneIsKeptWithItsArchiveTime() {
        ObjectNode trashed = node("issue.node.json").put("trashed", true);
        Normalized gone = normalize("issues", trashed);
        assertThat(gone.documents()).isEmpty();
        assertThat(gone.deleted()).containsExactly(ASR_117);

        ObjectNode archived = node("issue.node.json").put("archivedAt", "2026-11-21T00:00:00.000Z");
        Normalized kept = normalize("issues", archived);
        assertThat(kept.deleted()).isEmpty();
        assertThat(kept.documents().get(0).properties()).containsEntry("archived_at", "2026-11-21T00:00:00.000Z");
    }

    @Test
    void aBlocksRelationYieldsABlocksLinkFromBlockerToBlocked_andTheInverseSpellingTheSameEdge() {
        DocumentId pay9 = DocumentId.parse("linear:issue:PAY-9");
        Link blocks = Link.toDocument(pay9, LinkType.BLOCKS, ASR_117);

        assertThat(normalize("issue-relations", node("issue-relation.node.json")).links()).containsExactly(blocks);

        ObjectNode inverse = node("issue-relation.node.json").put("type", "blocked_by");
        ((ObjectNode) inverse.get("issue")).put("identifier", "ASR-117");
        ((ObjectNode) inverse.get("relatedIssue")).put("identifier", "PAY-9");
        assertThat(normalize("issue-relations", inverse).links()).containsExactly(blocks);

        ObjectNode duplicate = node("issue-relation.node.json").put("type", "duplicate");
        assertThat(normalize("issue-relations", duplicate).links())
                .containsExactly(Link.toDocument(pay9, LinkType.RELATED, ASR_117));
        assertThat(normalize("issue-relations", node("issue-relation.node.json").put("type", "related")).links())
                .containsExactly(Link.toDocument(pay9, LinkType.RELATED, ASR_117));

        ObjectNode removed = node("issue-relation.node.json").put("archivedAt", "2026-11-22T00:00:00.000Z");
        assertThat(normalize("issue-relations", removed)).isEqualTo(Normalized.empty());
    }

    @Test
    void aProjectCarriesStatusDatesProgressLeadHealth_andIsPartOfItsInitiative() {
        Normalized n = normalize("projects", node("project.node.json"));
        Document doc = n.documents().get(0);
        DocumentId project = DocumentId.parse("linear:project:" + PROJECT);
        assertThat(doc.id()).isEqualTo(project);
        assertThat(doc.title()).isEqualTo("Ranker v2");
        assertThat(doc.url()).isEqualTo("https://linear.app/acme/project/ranker-v2-1a2b3c4d5e6f");
        assertThat(doc.body()).contains("New ranking model in production").contains("Ship the v2 ranker");
        assertThat(doc.state()).isEqualTo("in_progress");
        assertThat(doc.properties()).containsEntry("status", "In Progress").containsEntry("target_date", "2026-12-15")
                .containsEntry("start_date", "2026-10-01").containsEntry("progress", "0.45")
                .containsEntry("lead", "Jordan Lee").containsEntry("health", "at_risk");
        assertThat(doc.metrics()).containsEntry("progress", 0.45);
        assertThat(doc.projects()).containsExactly("linear:initiative:" + INITIATIVE, "linear:team:ASR");
        assertThat(n.links()).contains(
                Link.toDocument(project, LinkType.PART_OF, DocumentId.parse("linear:initiative:" + INITIATIVE)),
                Link.toPerson(project, LinkType.ASSIGNED_TO, "linear:" + JORDAN),
                Link.toDocument(project, LinkType.REFERENCES, DocumentId.parse("linear:issue:ASR-100")));
    }

    @Test
    void anInitiativeCarriesStatusTargetOwnerAndHealth() {
        Normalized n = normalize("initiatives", node("initiative.node.json"));
        Document doc = n.documents().get(0);
        DocumentId initiative = DocumentId.parse("linear:initiative:" + INITIATIVE);
        assertThat(doc.id()).isEqualTo(initiative);
        assertThat(doc.state()).isEqualTo("in_progress");
        assertThat(doc.properties()).containsEntry("status", "Active").containsEntry("target_date", "2026-12-31")
                .containsEntry("owner", "Sam Park").containsEntry("health", "on_track");
        assertThat(n.links()).containsExactly(Link.toPerson(initiative, LinkType.ASSIGNED_TO, "linear:" + SAM));
        assertThat(PlanningMapper.initiativeState("Completed")).isEqualTo("done");
        assertThat(PlanningMapper.projectState("planned")).isEqualTo("open");
    }

    @Test
    void updatesAreCommentsOnTheirProjectOrInitiativeWithHealth_andArchivedOnesAreDeleted() {
        Normalized project = normalize("project-updates", node("project-update.node.json"));
        Document update = project.documents().get(0);
        DocumentId updateId = DocumentId.parse("linear:project-update:c0ffee00-3333-4d4e-8f00-000000000001");
        assertThat(update.id()).isEqualTo(updateId);
        assertThat(update.properties()).containsEntry("health", "at_risk").containsEntry("project_name", "Ranker v2");
        assertThat(update.title()).isEqualTo("Ranker v2 update (at risk)");
        assertThat(update.author()).isEqualTo("linear:" + JORDAN);
        assertThat(update.projects()).containsExactly("linear:project:" + PROJECT);
        assertThat(project.links()).contains(
                Link.toDocument(updateId, LinkType.COMMENT_ON, DocumentId.parse("linear:project:" + PROJECT)),
                Link.toDocument(updateId, LinkType.REFERENCES, ASR_117));

        Normalized initiative = normalize("initiative-updates", node("initiative-update.node.json"));
        DocumentId initiativeUpdate = DocumentId.parse("linear:initiative-update:d00dfeed-4444-4e5f-9a00-000000000001");
        assertThat(initiative.documents().get(0).properties()).containsEntry("health", "on_track");
        assertThat(initiative.links()).containsExactly(Link.toDocument(initiativeUpdate, LinkType.COMMENT_ON,
                DocumentId.parse("linear:initiative:" + INITIATIVE)));

        ObjectNode archived = node("initiative-update.node.json").put("archivedAt", "2026-11-20T00:00:00.000Z");
        assertThat(normalize("initiative-updates", archived).deleted()).containsExactly(initiativeUpdate);
        assertThat(normalize("initiative-updates", archived).documents()).isEmpty();
    }

    @Test
    void aCommentIsACommentOnItsIssue_andItsIssueKeysBecomeLinks() {
        Normalized n = normalize("comments", node("comment.node.json"));
        Document doc = n.documents().get(0);
        DocumentId comment = DocumentId.parse("linear:comment:e1e2e3e4-5555-4f60-8b00-000000000001");
        assertThat(doc.id()).isEqualTo(comment);
        assertThat(doc.url()).endsWith("#comment-e1e2e3e4");
        assertThat(doc.title()).isEqualTo("Comment on ASR-117: Retry uploads when the ranker times out");
        assertThat(doc.author()).isEqualTo("linear:" + JORDAN);
        assertThat(doc.projects()).containsExactly("linear:team:ASR", "linear:project:" + PROJECT);
        assertThat(n.links()).containsExactly(
                Link.toDocument(comment, LinkType.COMMENT_ON, ASR_117),
                Link.toDocument(comment, LinkType.CLOSES, DocumentId.parse("linear:issue:ASR-118")));

        ObjectNode onUpdate = node("comment.node.json");
        onUpdate.putNull("issue");
        onUpdate.putObject("projectUpdate").put("id", "pu-1").putObject("project").put("id", PROJECT);
        assertThat(normalize("comments", onUpdate).links()).contains(Link.toDocument(comment, LinkType.COMMENT_ON,
                DocumentId.parse("linear:project-update:pu-1")));

        ObjectNode deleted = node("comment.node.json").put("archivedAt", "2026-11-21T00:00:00.000Z");
        assertThat(normalize("comments", deleted).deleted()).containsExactly(comment);
    }

    @Test
    void usersArePeople_andTeamsNameTheirMembers() {
        Normalized user = normalize("users", node("user.node.json"));
        assertThat(user.documents()).isEmpty();
        assertThat(user.people()).containsExactly(
                new PersonIdentity("linear", JORDAN, "jordan@example.com", "Jordan Lee", "Asia/Seoul"));

        Normalized team = normalize("teams", node("team.node.json"));
        DocumentId asr = DocumentId.parse("linear:team:ASR");
        assertThat(team.documents()).isEmpty();
        assertThat(team.links()).containsExactly(Link.toPerson(asr, LinkType.MENTIONS, "linear:" + JORDAN),
                Link.toPerson(asr, LinkType.MENTIONS, "linear:" + SAM));
    }

    @Test
    void aRecordMissingWhatADocumentNeedsIsMalformed_unknownFieldsAreIgnored() {
        ObjectNode noKey = node("issue.node.json");
        noKey.remove("identifier");
        assertThatThrownBy(() -> normalize("issues", noKey)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("identifier");
        ObjectNode noUrl = node("project.node.json");
        noUrl.remove("url");
        assertThatThrownBy(() -> normalize("projects", noUrl)).isInstanceOf(MalformedRecordException.class);
        ObjectNode badDate = node("comment.node.json").put("updatedAt", "yesterday");
        assertThatThrownBy(() -> normalize("comments", badDate)).isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("updatedAt");
        ObjectNode relation = node("issue-relation.node.json");
        relation.remove("relatedIssue");
        assertThatThrownBy(() -> normalize("issue-relations", relation)).isInstanceOf(MalformedRecordException.class);

        ObjectNode extra = node("issue.node.json").put("sortOrder", -12.5);
        extra.putObject("somethingNew").put("x", 1);
        assertThat(normalize("issues", extra).documents()).hasSize(1);
        ObjectNode bare = node("issue.node.json");
        for (String field : new String[]{"assignee", "project", "cycle", "parent", "labels", "estimate", "dueDate"}) bare.putNull(field);
        Document doc = normalize("issues", bare).documents().get(0);
        assertThat(doc.projects()).containsExactly("linear:team:ASR");
        assertThat(doc.properties()).doesNotContainKeys("estimate", "cycle", "project_name", "due_date", "assignee");
    }
}
