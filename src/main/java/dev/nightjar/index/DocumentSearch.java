package dev.nightjar.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The read side of the index: runs a {@link SearchRequest}, re-ranks by truth and recency, highlights. */
final class DocumentSearch {

    /** What a hit needs from the stored fields; the body is stored for highlighting only. */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.TITLE, IndexFields.URL, IndexFields.TRUTH,
            IndexFields.FLAG, IndexFields.UPDATED);

    /** How many BM25 matches truth and recency may re-rank. */
    static final int RESCORE_WINDOW = 100;

    private final FreshSearchers searchers;
    private final Analyzer analyzer;
    private final Clock clock;
    /** Null when vectors are off. */
    private final DocumentVectors vectors;

    DocumentSearch(FreshSearchers searchers, Analyzer analyzer, Clock clock, DocumentVectors vectors) {
        this.searchers = searchers;
        this.vectors = vectors;
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** Ranked hits (see {@link RankingBoost} for the formula), with a highlighted passage each when asked. */
    List<SearchHit> search(SearchRequest request) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query text = IndexQueries.withTypoTolerance(IndexQueries.textQuery(analyzer, request.text()), analyzer, request.text(),
                        searcher.getIndexReader());
                TopDocs top = ranked(searcher, text, request, Math.max(1, request.limit()));
                String[] highlights = request.highlights() ? highlight(searcher, text, top) : null;
                List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
                for (int i = 0; i < top.scoreDocs.length; i++) {
                    ScoreDoc sd = top.scoreDocs[i];
                    var doc = searcher.storedFields().document(sd.doc, HIT_FIELDS); // not the stored body
                    Set<String> flags = Set.of(doc.getValues(IndexFields.FLAG));
                    hits.add(new SearchHit(doc.get(IndexFields.ID), sd.score, doc.get(IndexFields.TITLE), doc.get(IndexFields.URL),
                            dev.nightjar.model.TruthLevel.fromLabel(doc.get(IndexFields.TRUTH)), flags.contains("stale"),
                            flags.contains("superseded"), Instant.ofEpochMilli(doc.getField(IndexFields.UPDATED).numericValue().longValue()),
                            highlights == null ? null : highlights[i]));
                }
                return hits;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * BM25 finds the best {@link #RESCORE_WINDOW} matches (or 10 × the limit) (with block-max pruning, so the cost does not
     * grow with the number of matches) and truth × flags × recency re-ranks them: without vectors that is the ranking.
     * With vectors on, the nearest documents to the question's vector (same filters, same window), in order of
     * similarity alone, are fused with the re-ranked BM25 list by {@link ReciprocalRankFusion}.
     *
     * <p>Why the boost is not applied after fusion, nor to the vector list: fused scores are nearly flat (1/61 … 1/160)
     * and the model's similarities are compressed too (on the sandbox company the nearest documents differ by 0.02 in
     * (1 + cos) / 2), while the boost spans 0.15 … 3; multiplied in, it alone decided the order and buried an older
     * page that only the vectors found ("What is our page load time target?" → "Storefront web vitals", 5th nearest,
     * fell out of the fused top 100; now 22nd). Truth and recency still order the BM25 half.
     * Without query text every document matches equally, so all of them are ranked by the boost alone.
     */
    private TopDocs ranked(IndexSearcher searcher, Query text, SearchRequest request, int limit) throws IOException {
        RankingBoost boost = new RankingBoost(clock);
        Query filtered = IndexQueries.withFilters(text, request);
        if (text instanceof MatchAllDocsQuery) return searcher.search(new FunctionScoreQuery(filtered, boost), limit);
        int window = Math.max(RESCORE_WINDOW, limit * 10);
        ScoreDoc[] candidates = boosted(searcher, boost, searcher.search(filtered, window).scoreDocs);
        if (vectors != null) {
            Query onlyFilters = IndexQueries.withFilters(new MatchAllDocsQuery(), request);
            Query nearest = new KnnFloatVectorQuery(IndexFields.VECTOR, vectors.embedQuery(request.text()), window, onlyFilters);
            candidates = ReciprocalRankFusion.fuse(List.of(candidates, searcher.search(nearest, window).scoreDocs));
        }
        ScoreDoc[] top = Arrays.copyOf(candidates, Math.min(limit, candidates.length));
        return new TopDocs(new TotalHits(top.length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), top);
    }

    /** Copies of {@code hits} with each score multiplied by the boost, best first; ties by doc id. */
    private static ScoreDoc[] boosted(IndexSearcher searcher, RankingBoost boost, ScoreDoc[] hits) throws IOException {
        ScoreDoc[] out = new ScoreDoc[hits.length];
        for (int i = 0; i < hits.length; i++) out[i] = new ScoreDoc(hits[i].doc, hits[i].score);
        Arrays.sort(out, Comparator.comparingInt(sd -> sd.doc)); // doc values read forward
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int currentLeaf = -1;
        DoubleValues values = null;
        for (ScoreDoc sd : out) {
            int leafIndex = ReaderUtil.subIndex(sd.doc, leaves);
            var leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                values = boost.getValues(leaf, null);
                currentLeaf = leafIndex;
            }
            values.advanceExact(sd.doc - leaf.docBase);
            sd.score = (float) (sd.score * values.doubleValue());
        }
        Arrays.sort(out, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        return out;
    }

    private String[] highlight(IndexSearcher searcher, Query text, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0 || text instanceof MatchAllDocsQuery) return null;
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
        return highlighter.highlight(IndexFields.BODY, text, top, 1);
    }

    int documentCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
