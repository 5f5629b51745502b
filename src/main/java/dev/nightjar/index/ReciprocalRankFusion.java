package dev.nightjar.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's fused score is
 * the sum over the ranked lists that contain it of {@code 1 / (K + rank)}, rank counted from 1. It
 * needs no calibration between BM25 scores and cosine similarities, only their orders.
 */
final class ReciprocalRankFusion {

    /** The paper's constant: it damps the weight of the very first ranks. */
    static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /** The union of {@code lists} (each best first), scored by fused rank, best first; ties by doc id. */
    static ScoreDoc[] fuse(List<ScoreDoc[]> lists) {
        Map<Integer, ScoreDoc> fused = new LinkedHashMap<>();
        for (ScoreDoc[] list : lists) {
            for (int rank = 0; rank < list.length; rank++) {
                float share = 1f / (K + rank + 1);
                fused.computeIfAbsent(list[rank].doc, doc -> new ScoreDoc(doc, 0f)).score += share;
            }
        }
        ScoreDoc[] out = new ArrayList<>(fused.values()).toArray(ScoreDoc[]::new);
        Arrays.sort(out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return out;
    }
}
