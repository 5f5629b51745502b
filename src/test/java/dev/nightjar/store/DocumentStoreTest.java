package dev.nightjar.store;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {

    @TempDir
    Path tmp;
    Workspace ws;
    DocumentStore store;
    final Instant t0 = Instant.parse("2026-11-20T10:00:00Z");

    @BeforeEach
    void open() {
        ws = TempWorkspace.open(tmp);
        store = ws.documents();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private WriteResult write(Document... docs) {
        return store.write(new Normalized(List.of(docs), List.of(), List.of(), List.of()), d -> TruthAssessment.of(TruthLevel.RECORD, "test"));
    }

    @Test
    void sameRecordTwiceIsOneVersionAndAChangedBodyIsASecond() {
        Document issue = doc("linear:issue:PAY-1", "Migrate billing", "Move invoices to the new ledger", t0);
        assertThat(write(issue)).isEqualTo(new WriteResult(1, 0, 0, 0));
        assertThat(write(issue)).isEqualTo(new WriteResult(0, 0, 1, 0));
        assertThat(store.versions("linear:issue:PAY-1")).hasSize(1);

        Document edited = issue.toBuilder().body("Move invoices and refunds to the new ledger").state("in_progress")
                .updatedAt(t0.plusSeconds(60)).build();
        assertThat(write(edited)).isEqualTo(new WriteResult(0, 1, 0, 0));
        List<DocumentStore.Version> versions = store.versions("linear:issue:PAY-1");
        assertThat(versions).extracting(DocumentStore.Version::version).containsExactly(1, 2);
        assertThat(versions.get(1).changes()).contains("state: null -> in_progress").contains("body");
        assertThat(store.find("linear:issue:PAY-1").orElseThrow().document().body()).contains("refunds");
    }

    @Test
    void metadataQueriesLeaveTheLargeColumnsOut() {
        write(doc("linear:issue:PAY-9", "Ledger cutover", "a long body", t0).toBuilder().rawJson("{\"raw\":1}")
                .properties(java.util.Map.of("team", "PAY")).build());
        StoredDocument lean = store.currentMetadata().stream().filter(d -> d.id().equals("linear:issue:PAY-9")).findFirst().orElseThrow();
        assertThat(lean.document().body()).isEmpty();
        assertThat(lean.document().rawJson()).isNull();
        assertThat(lean.document().title()).isEqualTo("Ledger cutover");
        assertThat(lean.document().properties()).containsEntry("team", "PAY");
        assertThat(store.find("linear:issue:PAY-9").orElseThrow().document().body()).isEqualTo("a long body");
    }

    @Test
    void timestampOnlyChangesAreNotNewVersions() {
        Document issue = doc("linear:issue:PAY-2", "Title", "Body", t0);
        write(issue);
        assertThat(write(issue.toBuilder().updatedAt(t0.plusSeconds(3600)).build()).unchanged()).isEqualTo(1);
        assertThat(store.versions("linear:issue:PAY-2")).hasSize(1);
    }

    @Test
    void aFailedBatchLeavesThePreviousStateIntact() {
        write(doc("linear:issue:PAY-3", "Before", "old body", t0));
        Document changed = doc("linear:issue:PAY-3", "After", "new body", t0);
        Document poison = doc("linear:issue:PAY-4", "Poison", "x", t0);
        assertThatThrownBy(() -> store.write(new Normalized(List.of(changed, poison), List.of(), List.of(), List.of()), d -> {
            if (d.id().key().equals("PAY-4")) throw new IllegalStateException("boom");
            return TruthAssessment.of(TruthLevel.RECORD, "test");
        })).hasMessage("boom");
        assertThat(store.find("linear:issue:PAY-3").orElseThrow().document().title()).isEqualTo("Before");
        assertThat(store.find("linear:issue:PAY-4")).isEmpty();
        assertThat(store.versions("linear:issue:PAY-3")).hasSize(1);
    }

    @Test
    void linksPeopleAndDeletionsAreStored() {
        DocumentId pr = DocumentId.parse("github:pr:acme/api#42");
        Document prDoc = doc(pr.toString(), "PAY-1: ledger", "", t0);
        store.write(new Normalized(List.of(prDoc),
                List.of(Link.toDocument(pr, LinkType.CLOSES, DocumentId.parse("linear:issue:PAY-1")), Link.toCommit(pr, "ABC123")),
                List.of(new PersonIdentity("github", "jlee", "Jordan@Example.com", "Jordan", null)), List.of()),
                d -> TruthAssessment.of(TruthLevel.RECORD, "t"));
        assertThat(store.linksTo("linear:issue:PAY-1")).extracting(Link::from).containsExactly(pr);
        assertThat(store.linksTo("commit:abc123")).hasSize(1);
        assertThat(new PeopleStore(ws.database()).byEmail("jordan@example.com")).extracting(PersonIdentity::identity)
                .containsExactly("github:jlee");

        // a changed PR replaces its outgoing links; an unchanged one keeps them
        store.write(new Normalized(List.of(prDoc.toBuilder().title("PAY-2: ledger").build()),
                List.of(Link.toDocument(pr, LinkType.REFERENCES, DocumentId.parse("linear:issue:PAY-2"))), List.of(), List.of()),
                d -> TruthAssessment.of(TruthLevel.RECORD, "t"));
        assertThat(store.linksFrom(pr.toString())).extracting(Link::to).containsExactly("linear:issue:PAY-2");

        WriteResult deleted = store.write(new Normalized(List.of(), List.of(), List.of(), List.of(pr)), d -> null);
        assertThat(deleted.deleted()).isEqualTo(1);
        assertThat(store.find(pr.toString()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void cursorsRoundTrip() {
        CursorStore cursors = ws.cursors();
        cursors.put("github", "pulls:acme/api", "{\"since\":\"a\"}", t0);
        cursors.put("github", "pulls:acme/api", "{\"since\":\"b\"}", t0.plusSeconds(1));
        assertThat(cursors.get("github", "pulls:acme/api")).contains("{\"since\":\"b\"}");
        assertThat(cursors.all()).hasSize(1);
    }
}
