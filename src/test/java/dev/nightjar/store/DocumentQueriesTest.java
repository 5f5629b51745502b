package dev.nightjar.store;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's typed reads: each names what it selects, and none leaks a deleted document or a near-miss of SQL's LIKE. */
class DocumentQueriesTest {

    @TempDir
    Path tmp;
    Workspace ws;
    DocumentQueries queries;
    final Instant t0 = Instant.parse("2026-11-20T10:00:00Z");

    @BeforeEach
    void open() {
        ws = TempWorkspace.open(tmp);
        queries = ws.documents().queries();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void write(List<Link> links, Document... docs) {
        ws.documents().write(new Normalized(List.of(docs), links, List.of(), List.of()), d -> TruthAssessment.of(TruthLevel.RECORD, "test"));
    }

    private static List<String> ids(List<StoredDocument> docs) {
        return docs.stream().map(StoredDocument::id).toList();
    }

    @Test
    void documentsNamingAProjectMatchItsIdExactlyNotAsALikePattern() {
        // "_" is a LIKE wildcard: p_1 must not find a note that names pX1
        write(List.of(),
                doc("nightjar:note:a", "Note on p_1", "", t0).toBuilder().projects(List.of("linear:project:p_1")).build(),
                doc("nightjar:note:b", "Note on pX1", "", t0).toBuilder().projects(List.of("linear:project:pX1")).build(),
                doc("linear:issue:RNK-1", "Issue in p_1", "", t0).toBuilder().projects(List.of("linear:project:p_1")).build());

        assertThat(ids(queries.namingProject("linear:project:p_1", DocumentKind.NAMING_PROJECTS))).containsExactly("nightjar:note:a");
        assertThat(ids(queries.namingProject("linear:project:p_1", List.of(DocumentKind.LINEAR_ISSUE)))).containsExactly("linear:issue:RNK-1");
    }

    @Test
    void kindsStatesAndKeyPrefixesNarrowTheDocuments() {
        write(List.of(Link.toDocument(dev.nightjar.model.DocumentId.parse("linear:issue:RNK-1"), LinkType.BLOCKS, dev.nightjar.model.DocumentId.parse("linear:issue:RNK-2"))),
                doc("linear:issue:RNK-1", "Blocker", "", t0).toBuilder().state("in_progress").build(),
                doc("linear:issue:RNK-2", "Blocked", "", t0.plusSeconds(60)).toBuilder().state("open").build(),
                doc("linear:issue:PAY-1", "Elsewhere", "", t0).toBuilder().state("in_progress").build(),
                doc("linear:project:p1", "Ranker v2", "", t0),
                doc("linear:initiative:i1", "Search quality", "", t0),
                doc("github:pr:acme/api#1", "PR", "", t0).toBuilder().author("ana").build(),
                doc("wandb:run:acme/ranker/r1", "Run", "", t0).toBuilder().author("ana").build());

        // several kinds are read one kind at a time (an index look-up each): every kind's rows, joined
        assertThat(ids(queries.ofKinds(DocumentKind.PLANNING))).containsExactlyInAnyOrder("linear:project:p1", "linear:initiative:i1");
        assertThat(ids(queries.inState(DocumentKind.LINEAR_ISSUE, DocumentState.IN_PROGRESS, "RNK-", null))).containsExactly("linear:issue:RNK-1");
        assertThat(ids(queries.inState(DocumentKind.LINEAR_ISSUE, DocumentState.IN_PROGRESS, null, null)))
                .containsExactlyInAnyOrder("linear:issue:RNK-1", "linear:issue:PAY-1");
        assertThat(ids(queries.blocked(DocumentKind.LINEAR_ISSUE, null))).containsExactly("linear:issue:RNK-2");
        assertThat(ids(queries.authoredBy(List.of("ana"), List.of(DocumentKind.GITHUB_PR, DocumentKind.WANDB_RUN))))
                .containsExactlyInAnyOrder("github:pr:acme/api#1", "wandb:run:acme/ranker/r1");
        assertThat(ids(queries.authoredBy(List.of("ana"), List.of(DocumentKind.WANDB_RUN)))).containsExactly("wandb:run:acme/ranker/r1");
        assertThat(ids(queries.updatedBetween(t0.plusSeconds(1), t0.plusSeconds(120)))).containsExactly("linear:issue:RNK-2");
        assertThat(queries.linksTo(List.of("linear:issue:RNK-2"), LinkType.BLOCKS)).extracting(l -> l.from().toString()).containsExactly("linear:issue:RNK-1");
        assertThat(queries.linksTo(List.of("linear:issue:RNK-2"), LinkType.PART_OF)).isEmpty();
    }

    @Test
    void wandbRunsAreFoundByAWordOfTheirProjectNewestFirst() {
        write(List.of(),
                doc("wandb:run:acme/ranker-v2/a", "run a", "", t0).toBuilder().properties(Map.of("project", "ranker-v2")).build(),
                doc("wandb:run:acme/ranker-v2/b", "run b", "", t0.plusSeconds(60)).toBuilder().properties(Map.of("project", "ranker-v2")).build(),
                doc("wandb:run:acme/ingest/c", "run c", "", t0).toBuilder().properties(Map.of("project", "ingest")).build());

        assertThat(ids(queries.latestWithPropertyContaining(DocumentKind.WANDB_RUN, PropertyKey.PROJECT, "ranker", 10)))
                .containsExactly("wandb:run:acme/ranker-v2/b", "wandb:run:acme/ranker-v2/a");
        assertThat(ids(queries.latestWithPropertyContaining(DocumentKind.WANDB_RUN, PropertyKey.PROJECT, "ranker", 1)))
                .containsExactly("wandb:run:acme/ranker-v2/b");
    }

    @Test
    void canonicalDocumentsAreTheCurrentOnesUnlessSuperseded() {
        write(List.of(), doc("notion:page:a", "PRD v1", "", t0), doc("notion:page:b", "PRD v2", "", t0), doc("notion:page:c", "Notes", "", t0));
        TruthAssessment canonical = TruthAssessment.of(TruthLevel.CANONICAL, "marked");
        ws.documents().updateTruth("notion:page:a", canonical, "notion:page:b");
        ws.documents().updateTruth("notion:page:b", canonical, null);

        assertThat(ids(queries.currentCanonical())).containsExactly("notion:page:b");
        assertThat(ids(queries.canonical())).containsExactly("notion:page:a", "notion:page:b");
    }
}
