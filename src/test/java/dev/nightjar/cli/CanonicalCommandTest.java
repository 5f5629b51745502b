package dev.nightjar.cli;

import static dev.nightjar.testing.TestDocs.doc;
import static dev.nightjar.testing.TestDocs.withProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalCommandTest {

    @TempDir
    Path tmp;
    Path config, data;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);
    Document draft, v2;

    @BeforeEach
    void seed() throws Exception {
        draft = withProperties(doc("notion:page:draft", "Ranker launch PRD (draft)", "Launch on 2027-01-10.",
                TempWorkspace.NOW.minus(Duration.ofDays(30))), Map.of("data_source", "PRDs", "Status", "Draft"));
        v2 = withProperties(doc("notion:page:v2", "Ranker launch PRD v2", "Launch on 2027-02-01.",
                TempWorkspace.NOW.minus(Duration.ofDays(2))), Map.of("data_source", "PRDs", "Status", "In review"));
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of("connectors/slack.yml", "admins: [it-admin@example.com]\n"))) {
            TempWorkspace.ingest(ws, List.of(draft, v2));
        }
        config = tmp.resolve("config");
        data = tmp.resolve("data");
    }

    private CliRunner.Result nightjar(String... args) {
        return CliRunner.run(config, data, clock, Map.of(), args);
    }

    @Test
    void reMarkingShowsWhatItReplacesKeepsItInTheAuditAndListShowsTheReason() {
        nightjar("canonical", "mark", draft.url(), "--by", "it-admin@example.com", "--reason", "approved in review", "--review-every", "90d");
        CliRunner.Result again = nightjar("canonical", "mark", draft.url(), "--by", "it-admin@example.com", "--reason", "re-approved",
                "--review-every", "30d");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out().lines().findFirst().orElseThrow()).isEqualTo("Replaces the mark by it-admin@example.com of 2026-11-25: "
                + "approved in review (review by 2027-02-23); it stays in the audit log.");
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            assertThat(ws.canonicalMarks().auditLog("notion:page:draft")).extracting(CanonicalStore.AuditEntry::action, CanonicalStore.AuditEntry::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("mark", "approved in review"),
                            org.assertj.core.groups.Tuple.tuple("replace", "mark by it-admin@example.com of 2026-11-25: approved in review"),
                            org.assertj.core.groups.Tuple.tuple("mark", "re-approved"));
            assertThat(ws.canonicalMarks().auditLog("notion:page:draft").get(1).reviewBy()).isEqualTo(TempWorkspace.NOW.plus(Duration.ofDays(90)));
        }
        CliRunner.Result list = nightjar("canonical", "list");
        assertThat(list.out()).contains("mark by it-admin@example.com of 2026-11-25: re-approved, review by 2026-12-25");
        assertThat(nightjar("canonical", "list", "--format", "json").out()).contains("\"mark_reason\" : \"re-approved\"");
        CliRunner.Result first = nightjar("canonical", "mark", v2.url(), "--by", "it-admin@example.com");
        assertThat(first.out()).doesNotContain("Replaces");
    }

    @Test
    void adminMarkIsAuditedSearchableAndSupersedesTheOlderCanonical() {
        CliRunner.Result first = nightjar("canonical", "mark", draft.url(), "--by", "it-admin@example.com", "--reason", "approved in review");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("Marked canonical: Ranker launch PRD (draft)");

        CliRunner.Result second = nightjar("canonical", "mark", v2.url(), "--by", "IT-Admin@example.com", "--review-every", "30d");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Superseded: notion:page:draft");

        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            var current = ws.documents().find("notion:page:v2").orElseThrow();
            assertThat(current.truth()).isEqualTo(TruthLevel.CANONICAL);
            assertThat(current.reviewBy()).isEqualTo(TempWorkspace.NOW.plus(Duration.ofDays(30)));
            var old = ws.documents().find("notion:page:draft").orElseThrow();
            assertThat(old.supersededBy()).isEqualTo("notion:page:v2");
            assertThat(ws.canonicalMarks().auditLog("notion:page:draft")).extracting(CanonicalStore.AuditEntry::action)
                    .containsExactly("mark", "supersede");
            assertThat(ws.canonicalMarks().auditLog("notion:page:v2")).singleElement()
                    .satisfies(a -> assertThat(a.actor()).isEqualTo("IT-Admin@example.com"));
            SearchHit hit = ws.index().search(SearchRequest.of("ranker launch", 5)).stream()
                    .filter(h -> h.id().equals("notion:page:draft")).findFirst().orElseThrow();
            assertThat(hit.superseded()).isTrue();
        }

        CliRunner.Result list = nightjar("canonical", "list", "--format", "json");
        assertThat(list.out()).contains("\"superseded_by\" : \"notion:page:v2\"");

        CliRunner.Result unmark = nightjar("canonical", "unmark", v2.url(), "--by", "it-admin@example.com");
        assertThat(unmark.exit()).isZero();
        assertThat(unmark.out()).contains("now working");
    }

    @Test
    void nonAdminIsRefusedWithExitThreeAndNothingChanges() {
        CliRunner.Result r = nightjar("canonical", "mark", v2.url(), "--by", "intern@example.com");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().lines()).singleElement().asString().contains("intern@example.com is not an admin");
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            assertThat(ws.canonicalMarks().all()).isEmpty();
            assertThat(ws.canonicalMarks().auditLog("notion:page:v2")).isEmpty();
        }
    }

    @Test
    void unknownUrlIsAUsageErrorNotASilentMark() {
        CliRunner.Result r = nightjar("canonical", "mark", "https://example.test/nope", "--by", "it-admin@example.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no document with URL https://example.test/nope");
    }

    @Test
    void badDurationIsAUsageError() {
        CliRunner.Result r = nightjar("canonical", "mark", v2.url(), "--by", "it-admin@example.com", "--review-every", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration");
        assertThat(Files.exists(data)).isTrue();
    }
}
