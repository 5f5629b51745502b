package dev.nightjar.index;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypoToleranceTest {

    @TempDir
    Path tmp;

    @Test
    void misspelledSubjectNamesStillFindTheirDocuments() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            TempWorkspace.ingest(ws, List.of(
                    doc("notion:page:p1", "Neural reranker PRD", "Launch plan for the ranking model", TempWorkspace.NOW.minus(Duration.ofDays(3))),
                    doc("linear:issue:PAY-7", "Payment retries", "Retry declined cards", TempWorkspace.NOW.minus(Duration.ofDays(2))),
                    doc("linear:issue:PLAT-41", "GPU quota", "Quota request for training", TempWorkspace.NOW.minus(Duration.ofDays(1)))));
            assertThat(ids(ws.index(), "nueral rerankr launch")).first().isEqualTo("notion:page:p1"); // two typos in the name
            assertThat(ids(ws.index(), "paymnet retires")).first().isEqualTo("linear:issue:PAY-7");
            // spelled right: only exact matches, as before
            assertThat(ids(ws.index(), "payment retries")).containsExactly("linear:issue:PAY-7");
            // a short unknown word is not stretched to an unrelated one
            assertThat(ids(ws.index(), "gpx")).isEmpty();
            // with highlights, the rewritten fuzzy query still marks the misspelt word's match
            assertThat(ws.index().search(SearchRequest.of("declnied", 10).withHighlights())).first()
                    .satisfies(h -> assertThat(h.highlight()).containsIgnoringCase("declined"));
        }
    }

    @Test
    void reciprocalRankFusionRewardsDocumentsBothListsRankHigh() {
        ScoreDoc[] lexical = {new ScoreDoc(1, 9f), new ScoreDoc(2, 8f), new ScoreDoc(3, 7f)};
        ScoreDoc[] dense = {new ScoreDoc(3, 0.9f), new ScoreDoc(4, 0.8f)};
        ScoreDoc[] fused = ReciprocalRankFusion.fuse(List.of(lexical, dense));
        assertThat(fused).extracting(sd -> sd.doc).containsExactly(3, 1, 2, 4);
        assertThat(fused[0].score).isEqualTo(1f / 63 + 1f / 61);
    }

    @Test
    void theVectorSwitchReadsOnAndOffAndRefusesOtherWords() {
        assertThat(VectorSwitch.enabled(null)).isFalse();
        assertThat(VectorSwitch.enabled(" ON ")).isTrue();
        assertThat(VectorSwitch.enabled("0")).isFalse();
        assertThatThrownBy(() -> VectorSwitch.enabled("maybe")).isInstanceOf(ConfigException.class)
                .hasMessage("NIGHTJAR_VECTORS must be on or off, not 'maybe'");
    }

    private static List<String> ids(DocumentIndex index, String q) {
        return index.search(SearchRequest.of(q, 10)).stream().map(SearchHit::id).toList();
    }
}
