package dev.nightjar.skills;

import static dev.nightjar.testing.TestDocs.doc;
import static dev.nightjar.testing.TestDocs.privateTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeptDocumentsTest {

    @TempDir
    Path tmp;

    @Test
    void keptDocumentsAreReadAgainAfterAStoreChangeAndStillFilteredPerReader() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:RNK-1", "Ranker eval", "first text", TempWorkspace.NOW),
                    privateTo(doc("slack:thread:C9-1.0", "Private plan", "secret", TempWorkspace.NOW), "slack:UMAYA")));
            Corpus maya = new Corpus(ws.documents(), Viewer.reader("maya@example.test", Set.of("slack:UMAYA")), ws::keptDocuments);
            Corpus lena = new Corpus(ws.documents(), Viewer.reader("lena@example.test", Set.of("slack:ULENA")), ws::keptDocuments);

            assertThat(maya.findAll(List.of("linear:issue:RNK-1", "slack:thread:C9-1.0"))).hasSize(2);
            assertThat(ws.keptDocuments()).containsKeys("linear:issue:RNK-1", "slack:thread:C9-1.0");
            // kept as read: the next reader's access still decides what it sees
            assertThat(lena.findAll(List.of("linear:issue:RNK-1", "slack:thread:C9-1.0"))).extracting(StoredDocument::id)
                    .containsExactly("linear:issue:RNK-1");
            assertThat(lena.find("slack:thread:C9-1.0")).isEmpty();

            // a write moves the change feed: nothing read before it is served after it
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:RNK-1", "Ranker eval", "second text", TempWorkspace.NOW.plusSeconds(60))));
            assertThat(ws.keptDocuments()).isEmpty();
            assertThat(maya.find("linear:issue:RNK-1")).get().extracting(d -> d.document().body()).isEqualTo("second text");
        }
    }
}
