package dev.nightjar.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.FullPrecisionFloatVectorSimilarityValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/** The read side of the index: runs a {@link SearchRequest}, re-ranks by truth and recency, highlights. */
final class DocumentSearch {

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
        return withSearcher(searcher -> {
            Query text = textQuery(searcher, request);
            Ranked ranked = ranked(searcher, text, request, Math.max(1, request.limit()));
            return hits(searcher, text, ranked, request.highlights());
        });
    }

    /**
     * The documents nearest to the question's vector, most similar first, each hit's score its cosine similarity;
     * empty when vectors are off or the question is blank. Same filters as {@link #search}; no truth or recency.
     *
     * <p>Exact, not the HNSW graph: every document that passes the filters is compared (one dot product each, from
     * the stored vectors). An answer is built from these few neighbours, so they must be the true nearest: on the
     * sandbox company HNSW asked for 5 missed the 4th nearest document ("Storefront web vitals" for "What is our page
     * load time target?"), e5's similarities being crowded into 0.80–0.85. The cost grows with the index
     * (one pass over 384 floats per document); the fused list of {@link #search} keeps the approximate graph.
     */
    List<SearchHit> nearest(SearchRequest request) {
        if (vectors == null || request.text() == null || request.text().isBlank()) return List.of();
        return withSearcher(searcher -> {
            Query text = textQuery(searcher, request);
            Query onlyFilters = IndexQueries.withFilters(new MatchAllDocsQuery(), request);
            var exact = new FullPrecisionFloatVectorSimilarityValuesSource(vectors.embedQuery(request.text()), IndexFields.VECTOR);
            ScoreDoc[] near = searcher.search(new FunctionScoreQuery(onlyFilters, exact), Math.max(1, request.limit())).scoreDocs;
            Map<Integer, Float> similarity = new HashMap<>();
            for (ScoreDoc sd : near) {
                sd.score = 2 * sd.score - 1; // DOT_PRODUCT scores unit vectors as (1 + cos) / 2
                similarity.put(sd.doc, sd.score);
            }
            return hits(searcher, text, new Ranked(near, similarity), request.highlights());
        });
    }

    /**
     * The text query, already rewritten against {@code searcher}: the ranking, the keyword check of each hit and the
     * highlighter all use it, and a typo's fuzzy clauses cost a walk of the term dictionary per rewrite (two of them
     * were 25 % of a {@code serve} answer's search time at 100k documents before it was rewritten once here).
     */
    private Query textQuery(IndexSearcher searcher, SearchRequest request) throws IOException {
        return searcher.rewrite(IndexQueries.withTypoTolerance(IndexQueries.textQuery(analyzer, request.text()), analyzer, request.text(),
                searcher.getIndexReader()));
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query text, Ranked ranked, boolean highlights) throws IOException {
        TopDocs top = new TopDocs(new TotalHits(ranked.top().length, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), ranked.top());
        String[] passages = highlights ? highlight(searcher, text, top) : null;
        KeywordMatch keyword = new KeywordMatch(searcher, text);
        HitFields.Row[] rows = HitFields.read(searcher, top.scoreDocs);
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            HitFields.Row row = rows[i];
            hits.add(new SearchHit(row.id(), sd.score, row.title(), row.url(), row.truth(), row.stale(), row.superseded(), row.updatedAt(),
                    passages == null ? null : passages[i], ranked.similarity().get(sd.doc),
                    // a hit the BM25 list brought matches the text by construction; only a neighbour by meaning is checked
                    !ranked.similarity().containsKey(sd.doc) || keyword.matches(sd.doc)));
        }
        return hits;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The final order, and the cosine similarity of each document the vector list held (by Lucene doc id). */
    private record Ranked(ScoreDoc[] top, Map<Integer, Float> similarity) {
    }

    /**
     * Whether the BM25 query (with its typo tolerance) matches a document: a hit that shares a searched word. The
     * weight is built on the first question, since most searches have no neighbour by meaning to ask about.
     */
    private static final class KeywordMatch {
        private final IndexSearcher searcher;
        private final Query text;
        private Weight weight;

        KeywordMatch(IndexSearcher searcher, Query text) {
            this.searcher = searcher;
            this.text = text;
        }

        boolean matches(int doc) throws IOException {
            if (text instanceof MatchAllDocsQuery) return true; // no words asked: nothing was found by meaning alone
            if (weight == null) weight = searcher.createWeight(text, ScoreMode.COMPLETE_NO_SCORES, 1f); // text is rewritten (textQuery)
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            return weight.matches(leaf, doc - leaf.docBase) != null;
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
    private Ranked ranked(IndexSearcher searcher, Query text, SearchRequest request, int limit) throws IOException {
        RankingBoost boost = new RankingBoost(clock);
        Query filtered = IndexQueries.withFilters(text, request);
        if (text instanceof MatchAllDocsQuery) return new Ranked(searcher.search(new FunctionScoreQuery(filtered, boost), limit).scoreDocs, Map.of());
        int window = Math.max(RESCORE_WINDOW, limit * 10);
        ScoreDoc[] candidates = boosted(searcher, boost, searcher.search(filtered, window).scoreDocs);
        Map<Integer, Float> similarity = new HashMap<>();
        if (vectors != null) {
            candidates = ReciprocalRankFusion.fuse(List.of(candidates, nearestDocs(searcher, request, window, similarity)));
        }
        return new Ranked(Arrays.copyOf(candidates, Math.min(limit, candidates.length)), similarity);
    }

    /**
     * The {@code k} documents nearest to the question's vector under the request's filters, most similar first
     * (Lucene's DOT_PRODUCT score); puts each one's cosine similarity into {@code similarity}.
     */
    private ScoreDoc[] nearestDocs(IndexSearcher searcher, SearchRequest request, int k, Map<Integer, Float> similarity) throws IOException {
        Query onlyFilters = IndexQueries.withFilters(new MatchAllDocsQuery(), request);
        ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vectors.embedQuery(request.text()), k, onlyFilters), k).scoreDocs;
        for (ScoreDoc sd : near) similarity.put(sd.doc, 2 * sd.score - 1); // DOT_PRODUCT scores unit vectors as (1 + cos) / 2
        return near;
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
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Whether the index keeps dense vectors (NIGHTJAR_VECTORS). */
    boolean hasVectors() {
        return vectors != null;
    }
}
