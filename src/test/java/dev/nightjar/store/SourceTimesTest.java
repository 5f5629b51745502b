package dev.nightjar.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents and versions keep the source's times and editors; the sync's time is only "stored at".
 * The clock is fixed years after the source times, so any sync time leaking into them shows.
 */
class SourceTimesTest {

    static final Instant SYNC = Instant.parse("2040-01-01T00:00:00Z");
    static final Instant WRITTEN = Instant.parse("2026-11-02T10:15:30Z");
    static final Instant EDITED = Instant.parse("2026-11-20T08:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void everyVersionIsDatedAndAttributedByTheSource() {
        try (Workspace ws = TempWorkspace.open(tmp, Clock.fixed(SYNC, ZoneOffset.UTC), Map.of())) {
            DocumentId id = DocumentId.of("notion", "page", "prd-1");
            Document v1 = Document.builder(id).url("https://www.notion.so/prd-1").title("PRD").body("Launch on the 9th.")
                    .author("notion:priya").editedBy("notion:priya").createdAt(WRITTEN).updatedAt(WRITTEN).build();
            TempWorkspace.ingest(ws, List.of(v1));
            TempWorkspace.ingest(ws, List.of(v1.toBuilder().body("Launch on the 16th.").editedBy("notion:ben").updatedAt(EDITED).build()));
            // a source without an editor: the change's author is unknown, not the document's creator
            TempWorkspace.ingest(ws, List.of(v1.toBuilder().body("Launch on the 23rd.").editedBy(null).updatedAt(EDITED.plusSeconds(60)).build()));

            StoredDocument stored = ws.documents().find(id.toString()).orElseThrow();
            assertThat(stored.document().createdAt()).isEqualTo(WRITTEN);
            assertThat(stored.document().updatedAt()).isEqualTo(EDITED.plusSeconds(60));
            assertThat(stored.firstSeenAt()).isEqualTo(SYNC);

            List<DocumentStore.Version> versions = ws.documents().versions(id.toString());
            assertThat(versions).extracting(DocumentStore.Version::at).containsExactly(WRITTEN, EDITED, EDITED.plusSeconds(60));
            assertThat(versions).extracting(DocumentStore.Version::by).containsExactly("notion:priya", "notion:ben", null);
            assertThat(versions).extracting(DocumentStore.Version::recordedAt).containsOnly(SYNC);
            assertThat(versions.get(1).changes()).contains("body");
        }
    }

    @Test
    void aSourceWithoutTimesFallsBackToWhenTheVersionWasStored() {
        try (Workspace ws = TempWorkspace.open(tmp, Clock.fixed(SYNC, ZoneOffset.UTC), Map.of())) {
            DocumentId id = DocumentId.of("github", "commit", "acme/api@abc");
            TempWorkspace.ingest(ws, List.of(Document.builder(id).url("https://github.com/acme/api/commit/abc").title("fix").build()));
            assertThat(ws.documents().versions(id.toString()).get(0).at()).isEqualTo(SYNC);
        }
    }
}
