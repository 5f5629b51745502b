package dev.nightjar.index;

import dev.nightjar.model.TruthLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a search hit shows (id, title, URL, truth, flags, update time), read from doc values instead of the
 * stored fields. Why: stored fields are compressed in blocks that also hold every document's body, so each hit
 * decompressed tens of kilobytes to read its id; at 100k documents that was 10 % of a {@code serve} answer's CPU
 * (BENCHMARKS.md, serve under load). The id, title and URL share one binary doc value ({@link IndexFields#HIT});
 * truth, flags and time come from the ranking's numeric doc values.
 */
final class HitFields {

    /** Longest title kept for display (characters); a binary doc value is one small block read per hit. */
    private static final int MAX_TITLE = 500;

    private HitFields() {
    }

    /** The {@link IndexFields#HIT} doc value of one document: id, title and URL (empty when absent), length-prefixed UTF-8. */
    static BinaryDocValuesField of(String id, String title, String url) {
        String shownTitle = title == null ? "" : title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title;
        byte[] buffer = new byte[16 + 3 * (id.length() + shownTitle.length() + (url == null ? 0 : url.length()))];
        ByteArrayDataOutput out = new ByteArrayDataOutput(buffer);
        try {
            out.writeString(id);
            out.writeString(shownTitle);
            out.writeString(url == null ? "" : url);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an array output sized for the worst case does not fail
        }
        return new BinaryDocValuesField(IndexFields.HIT, new BytesRef(buffer, 0, out.getPosition()));
    }

    /** One hit's fields, decoded. */
    record Row(String id, String title, String url, TruthLevel truth, boolean stale, boolean superseded, Instant updatedAt) {
    }

    /**
     * The fields of {@code docs} (top-level doc ids), in the order given. Doc values are read forward, so the
     * documents are visited in doc-id order and the rows put back in the caller's order.
     *
     * @throws IOException the index cannot be read
     */
    static Row[] read(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
        Integer[] order = new Integer[docs.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Row[] rows = new Row[docs.length];
        int currentLeaf = -1;
        BinaryDocValues hit = null;
        NumericDocValues truth = null, penalty = null, updated = null;
        TruthLevel[] levels = TruthLevel.values();
        for (int i : order) {
            int leafIndex = ReaderUtil.subIndex(docs[i].doc, leaves);
            LeafReaderContext leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                hit = DocValues.getBinary(leaf.reader(), IndexFields.HIT);
                truth = DocValues.getNumeric(leaf.reader(), IndexFields.TRUTH_RANK);
                penalty = DocValues.getNumeric(leaf.reader(), IndexFields.PENALTY);
                updated = DocValues.getNumeric(leaf.reader(), IndexFields.UPDATED);
                currentLeaf = leafIndex;
            }
            int doc = docs[i].doc - leaf.docBase;
            if (!hit.advanceExact(doc)) throw new IllegalStateException("index document " + docs[i].doc + " has no hit fields");
            BytesRef bytes = hit.binaryValue();
            ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
            String id = in.readString();
            String title = in.readString();
            String url = in.readString();
            long flags = penalty.advanceExact(doc) ? penalty.longValue() : 0;
            rows[i] = new Row(id, title, url.isEmpty() ? null : url,
                    levels[truth.advanceExact(doc) ? (int) truth.longValue() : TruthLevel.RECORD.ordinal()],
                    (flags & 1) != 0, (flags & 2) != 0, Instant.ofEpochMilli(updated.advanceExact(doc) ? updated.longValue() : 0));
        }
        return rows;
    }
}
