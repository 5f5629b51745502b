package dev.nightjar.feed;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedCachedTest {

    @TempDir
    Path tmp;

    @Test
    void aValueIsReadAgainOnlyAfterTheFeedTakesInAChange() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            AtomicInteger reads = new AtomicInteger();
            FeedCached<Integer> cached = new FeedCached<>(ws.feed(), () -> reads.incrementAndGet());
            assertThat(cached.get()).isEqualTo(1);
            assertThat(cached.get()).isEqualTo(1);
            ws.feed().drive(); // nothing new: the followers read nothing, the value stays
            assertThat(cached.get()).isEqualTo(1);

            TempWorkspace.ingest(ws, List.of(doc("linear:issue:RNK-1", "Ranker", "text", TempWorkspace.NOW)));
            assertThat(cached.get()).isEqualTo(2);
            assertThat(reads).hasValue(2);
        }
    }

    @Test
    void aProjectWrittenInThisProcessIsAmongThePlanningDocumentsOfTheNextQuestion() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            assertThat(ws.planningDocuments()).isEmpty();
            TempWorkspace.ingest(ws, List.of(doc("linear:project:p1", "Ranker v2", "", TempWorkspace.NOW),
                    doc("linear:issue:RNK-1", "Ranker", "text", TempWorkspace.NOW)));
            assertThat(ws.planningDocuments()).extracting(StoredDocument::id).containsExactly("linear:project:p1");
        }
    }
}
