package dev.nightjar.index;

import dev.nightjar.model.Document;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;

/**
 * How a stored document becomes a Lucene document: the analyzer and the field types. The writer and
 * the benchmark's raw baseline both build documents here, so they index identical fields.
 */
final class IndexSchema {

    /**
     * Body: stored and indexed with offsets, so highlighting reads passages from the postings instead
     * of analysing the text again at query time.
     */
    private static final FieldType BODY_TYPE = bodyType();

    private IndexSchema() {
    }

    private static FieldType bodyType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The analyzer of title and body (English: stemming, stop words). */
    static Analyzer newAnalyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * The Lucene document for a stored one: text, filters, ranking doc values and the hit doc value. Only the body
     * (for highlights) and the vector fields are stored: what a hit shows is read from doc values (HitFields), so a
     * stored copy of it would only widen every stored block a highlight decompresses.
     */
    static org.apache.lucene.document.Document toLucene(StoredDocument stored) {
        Document d = stored.document();
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(IndexFields.ID, stored.id(), Field.Store.NO));
        doc.add(new StringField(IndexFields.SOURCE, d.id().source(), Field.Store.NO));
        doc.add(new StringField(IndexFields.KIND, d.id().sourceKind(), Field.Store.NO));
        doc.add(new TextField(IndexFields.TITLE, d.title(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, d.body(), BODY_TYPE));
        if (d.state() != null) doc.add(new StringField(IndexFields.STATE, d.state(), Field.Store.NO));
        for (String p : d.projects()) doc.add(new StringField(IndexFields.PROJECT, p, Field.Store.NO));
        if (d.author() != null) doc.add(new StringField(IndexFields.PERSON, d.author(), Field.Store.NO));
        for (String p : d.participants()) doc.add(new StringField(IndexFields.PERSON, p, Field.Store.NO));
        for (String l : d.labels()) doc.add(new StringField(IndexFields.LABEL, l, Field.Store.NO));
        doc.add(new StringField(IndexFields.TRUTH, stored.truth().label(), Field.Store.NO));
        if (stored.stale()) doc.add(new StringField(IndexFields.FLAG, "stale", Field.Store.NO));
        if (stored.superseded()) doc.add(new StringField(IndexFields.FLAG, SearchRequest.SUPERSEDED, Field.Store.NO));
        if (d.acl().everyone()) doc.add(new StringField(IndexFields.ACL, IndexFields.EVERYONE, Field.Store.NO));
        for (String p : d.acl().principals()) doc.add(new StringField(IndexFields.ACL, p, Field.Store.NO));
        Instant updated = d.updatedAt() != null ? d.updatedAt() : stored.changedAt();
        long millis = updated == null ? 0 : updated.toEpochMilli();
        doc.add(new LongPoint(IndexFields.UPDATED, millis));
        doc.add(new NumericDocValuesField(IndexFields.UPDATED, millis));
        doc.add(new NumericDocValuesField(IndexFields.TRUTH_RANK, stored.truth().ordinal()));
        doc.add(new NumericDocValuesField(IndexFields.PENALTY, (stored.stale() ? 1 : 0) | (stored.superseded() ? 2 : 0)));
        doc.add(HitFields.of(stored.id(), d.title(), d.url()));
        return doc;
    }
}
