package dev.nightjar.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
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

    /** {@code text} restricted by the request's sources, kinds, projects, readers and update window. */
    static Query withFilters(Query text, SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        addTerms(b, IndexFields.SOURCE, r.sources());
        addTerms(b, IndexFields.KIND, r.kinds());
        addTerms(b, IndexFields.PROJECT, r.projects());
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
