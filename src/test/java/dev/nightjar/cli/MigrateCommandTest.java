package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.model.Document;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.testing.TempWorkspace;
import dev.nightjar.testing.TestDatabases;
import dev.nightjar.testing.TestDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nightjar migrate --from-h2 DIR`: an embedded store moves into the external database, nothing lost. */
class MigrateCommandTest {

    static final Instant T = TempWorkspace.NOW;

    @TempDir
    Path tmp;

    @Test
    void anEmbeddedStoreMovesIntoPostgresWithVersionsMarksAuditAndCursors() throws Exception {
        assumeTrue(TestDatabases.postgres(), "migrates into the external database: runs in the PostgreSQL execution");
        Path config = Files.createDirectories(tmp.resolve("config"));
        Path h2 = tmp.resolve("h2-data");
        Clock clock = Clock.fixed(T, ZoneOffset.UTC);
        try (Workspace embedded = new Workspace(h2, new ConfigDir(config), Environment.of(Map.of()), clock)) {
            assertThat(embedded.database().external()).isFalse();
            Document v1 = TestDocs.doc("linear:issue:ENG-1", "Billing migration", "first body", T.minus(Duration.ofDays(2)));
            TempWorkspace.ingest(embedded, List.of(v1, TestDocs.doc("linear:issue:ENG-2", "Ledger", "body", T)));
            TempWorkspace.ingest(embedded, List.of(TestDocs.doc("linear:issue:ENG-1", "Billing migration", "second body", T)));
            embedded.cursors().put("linear", "issues", "2026-11-25T00:00:00Z|abc", T);
            CanonicalStore marks = embedded.canonicalMarks();
            marks.put(new CanonicalStore.Mark("linear:issue:ENG-1", "billing", "it-admin@example.com", T, T.plus(Duration.ofDays(90)), "approved"));
            marks.audit("linear:issue:ENG-1", "mark", "it-admin@example.com", T, T.plus(Duration.ofDays(90)), "approved");
            long run = embedded.runs().start(T, true, "linear");
            embedded.runs().finish(run, "COMPLETED", T.plusSeconds(5), null);
        }

        Path data = tmp.resolve("data");
        Map<String, String> env = TestDatabases.env(data, Map.of());
        CliRunner.Result r = CliRunner.run(config, data, clock, env, "migrate", "--from-h2", h2.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("every count matches").doesNotContain("MISMATCH")
                .containsPattern("document_versions\\s+3\\s+3").containsPattern("canonical_audit\\s+1\\s+1").containsPattern("cursors\\s+1\\s+1");

        try (Workspace pg = new Workspace(data, new ConfigDir(config), Environment.of(env), clock)) {
            assertThat(pg.database().external()).isTrue();
            assertThat(pg.documents().find("linear:issue:ENG-1")).hasValueSatisfying(d -> {
                assertThat(d.version()).isEqualTo(2);
                assertThat(d.document().body()).isEqualTo("second body");
            });
            assertThat(pg.cursors().get("linear", "issues")).contains("2026-11-25T00:00:00Z|abc");
            assertThat(pg.canonicalMarks().auditLog("linear:issue:ENG-1")).singleElement()
                    .satisfies(a -> assertThat(a.at()).isEqualTo(T));
            // identities continue after the copied ids: the next run is #2 and the next audit entry #2
            assertThat(pg.runs().start(T.plusSeconds(60), false, "linear")).isEqualTo(2);
            pg.canonicalMarks().audit("linear:issue:ENG-1", "unmark", "it-admin@example.com", T, null, null);
            assertThat(pg.canonicalMarks().auditLog("linear:issue:ENG-1")).extracting(CanonicalStore.AuditEntry::id).containsExactlyInAnyOrder(1L, 2L);
            assertThat(pg.index().documentCount()).isEqualTo(2);
        }

        // a second migration would mix two stores: refused, nothing written
        CliRunner.Result again = CliRunner.run(config, data, clock, env, "migrate", "--from-h2", h2.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already holds a store");
    }

    @Test
    void withoutAnExternalDatabaseItSaysWhichVariableToSet() throws Exception {
        Path h2 = tmp.resolve("h2-data");
        try (Workspace ignored = new Workspace(h2, new ConfigDir(tmp), Environment.of(Map.of()), Clock.systemUTC())) {
            // creates the embedded store
        }
        CliRunner.Result r = CliRunner.run(tmp, tmp.resolve("data"), Clock.systemUTC(), Map.of(), "migrate", "--from-h2", h2.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).contains("set NIGHTJAR_DB_URL").doesNotContain("Exception");
        CliRunner.Result none = CliRunner.run(tmp, tmp.resolve("data"), Clock.systemUTC(), Map.of(), "migrate", "--from-h2", tmp.resolve("nowhere").toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("holds no embedded store");
    }
}
