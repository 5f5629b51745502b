package dev.nightjar.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/** The Lucene queries of a {@link SearchRequest}: the text part (BM25) and the filters. */
final class IndexQueries {

    private IndexQueries() {
    }

    /** The BM25 part of ranking: title weighted twice the body; user syntax is not interpreted. */
    static Query textQuery(Analyzer analyzer, String text) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(IndexFields.TITLE, 2f, IndexFields.BODY, 1f));
        Query q = parser.parse(text);
        return q == null ? new MatchAllDocsQuery() : q; // only stop words: match all, rank by truth and recency
    }

    /**
     * {@code text} plus, for each query word that occurs in no title and no body (a typo, most often in
     * a subject's name), a fuzzy match of it on titles (weighted like the title, ×2) and bodies: up to
     * 1 edit for words of 4–5 letters, 2 from 6 letters (Lucene's Levenshtein automata stop at 2).
     * Words the index knows are left alone, so a question spelled right ranks exactly as before.
     */
    static Query withTypoTolerance(Query text, Analyzer analyzer, String raw, IndexReader reader) throws IOException {
        if (text instanceof MatchAllDocsQuery || raw == null) return text;
        List<Query> fuzzy = new ArrayList<>();
        for (String word : analyzedWords(analyzer, raw)) {
            if (word.length() < 4) continue;
            if (reader.docFreq(new Term(IndexFields.TITLE, word)) + reader.docFreq(new Term(IndexFields.BODY, word)) > 0) continue;
            int edits = word.length() >= 6 ? 2 : 1;
            fuzzy.add(new BoostQuery(new FuzzyQuery(new Term(IndexFields.TITLE, word), edits), 2f));
            fuzzy.add(new FuzzyQuery(new Term(IndexFields.BODY, word), edits));
        }
        if (fuzzy.isEmpty()) return text;
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.SHOULD);
        for (Query q : fuzzy) b.add(q, Occur.SHOULD);
        return b.build();
    }

    private static Set<String> analyzedWords(Analyzer analyzer, String raw) throws IOException {
        Set<String> words = new java.util.LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(IndexFields.BODY, raw)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) words.add(term.toString());
            ts.end();
        }
        return words;
    }

    /** {@code text} restricted by the request's sources, kinds, projects, flags, readers and update window. */
    static Query withFilters(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        addTerms(b, IndexFields.SOURCE, r.sources());
        addTerms(b, IndexFields.KIND, r.kinds());
        addTerms(b, IndexFields.PROJECT, r.projects());
        addTerms(b, IndexFields.FLAG, r.flags());
        if (r.visibleTo() != null) {
            List<String> allowed = new ArrayList<>(r.visibleTo());
            allowed.add(IndexFields.EVERYONE);
            addTerms(b, IndexFields.ACL, Set.copyOf(allowed));
        }
        if (r.updatedFrom() != null || r.updatedTo() != null) {
            long from = r.updatedFrom() == null ? Long.MIN_VALUE : r.updatedFrom().toEpochMilli();
            long to = r.updatedTo() == null ? Long.MAX_VALUE : r.updatedTo().toEpochMilli();
            b.add(LongPoint.newRangeQuery(IndexFields.UPDATED, from, to), Occur.FILTER);
        }
        return b.build();
    }

    private static void addTerms(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values == null || values.isEmpty()) return;
        b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
    }
}
