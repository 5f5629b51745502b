package dev.nightjar.index;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HitFieldsTest {

    @TempDir
    Path tmp;

    @Test
    void aHitShowsWhatTheStoreHoldsReadFromDocValues() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            Document noUrl = doc("slack:thread:C1-1.0", "Ünïcödé thread about quota", "quota talk", TempWorkspace.NOW.minus(Duration.ofDays(400)))
                    .toBuilder().url(null).build();
            Document longTitle = doc("notion:page:p9", "quota " + "x".repeat(700), "quota page", TempWorkspace.NOW.minus(Duration.ofDays(2)));
            Document issue = doc("linear:issue:PLAT-41", "GPU quota", "Quota request for training", TempWorkspace.NOW.minus(Duration.ofHours(3)));
            TempWorkspace.ingest(ws, List.of(noUrl, longTitle, issue));
            ws.documents().updateTruth(longTitle.id().toString(), TruthAssessment.of(TruthLevel.WORKING, "replaced"), issue.id().toString());
            ws.index().catchUp(ws.documents());

            List<SearchHit> hits = ws.index().search(SearchRequest.of("quota", 10));
            assertThat(hits).extracting(SearchHit::id).containsExactlyInAnyOrder(noUrl.id().toString(), longTitle.id().toString(), issue.id().toString());
            for (SearchHit hit : hits) {
                StoredDocument stored = ws.documents().find(hit.id()).orElseThrow();
                Document d = stored.document();
                String title = d.title().length() > 500 ? d.title().substring(0, 500) : d.title();
                assertThat(hit.title()).as(hit.id()).isEqualTo(title);
                assertThat(hit.url()).as(hit.id()).isEqualTo(d.url());
                assertThat(hit.truth()).as(hit.id()).isEqualTo(stored.truth());
                assertThat(hit.stale()).as(hit.id()).isEqualTo(stored.stale());
                assertThat(hit.superseded()).as(hit.id()).isEqualTo(stored.superseded());
                assertThat(hit.updatedAt()).as(hit.id()).isEqualTo(d.updatedAt());
            }
            // the flags and the truth come from the ranking's doc values
            assertThat(hits).filteredOn(SearchHit::superseded).extracting(SearchHit::id).containsExactly(longTitle.id().toString());
            assertThat(hits).extracting(SearchHit::truth).contains(TruthLevel.WORKING);
        }
    }
}
