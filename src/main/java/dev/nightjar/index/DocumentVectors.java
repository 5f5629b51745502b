package dev.nightjar.index;

import dev.nightjar.index.vectors.Embedder;
import dev.nightjar.index.vectors.TextChunks;
import dev.nightjar.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The dense half of the index: one unit vector per document (the normalised mean of its chunks'
 * vectors), indexed for DOT_PRODUCT nearest-neighbour search and stored with the hash of the text it
 * was computed from. A document whose title and body hash the same as in the index (after a metadata
 * change, a replay, or a rebuild) takes its stored vector instead of being embedded again.
 */
final class DocumentVectors {

    private static final Set<String> REUSE_FIELDS = Set.of(IndexFields.CONTENT_HASH, IndexFields.VECTOR_BYTES);

    private final Embedder embedder;
    private long embedded;
    private long reused;

    DocumentVectors(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Adds the vector fields to {@code lucene} (parallel to {@code stored}): vectors found in
     * {@code previous} under the same id and content hash are reused, the rest are embedded in one
     * batch. {@code previous} may be null (nothing to reuse).
     */
    void attach(List<StoredDocument> stored, List<Document> lucene, IndexSearcher previous) {
        float[][] vectors = new float[stored.size()][];
        String[] hashes = new String[stored.size()];
        List<String> chunks = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // per document to embed: {index, first chunk, chunk count}
        for (int i = 0; i < stored.size(); i++) {
            StoredDocument d = stored.get(i);
            String text = embeddedText(d);
            hashes[i] = contentHash(text);
            vectors[i] = previous == null ? null : storedVector(previous, d.id(), hashes[i]);
            if (vectors[i] != null) {
                reused++;
                continue;
            }
            List<String> parts = TextChunks.of(text);
            spans.add(new int[] {i, chunks.size(), parts.size()});
            chunks.addAll(parts);
        }
        List<float[]> chunkVectors = embedder.embedAll(chunks);
        for (int[] span : spans) {
            vectors[span[0]] = TextChunks.meanOf(chunkVectors.subList(span[1], span[1] + span[2]));
            embedded++;
        }
        for (int i = 0; i < stored.size(); i++) {
            Document doc = lucene.get(i);
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vectors[i], VectorSimilarityFunction.DOT_PRODUCT));
            doc.add(new StoredField(IndexFields.VECTOR_BYTES, toBytes(vectors[i])));
            doc.add(new StoredField(IndexFields.CONTENT_HASH, hashes[i]));
        }
    }

    /** The unit vector of a question. */
    float[] embedQuery(String text) {
        return embedder.embedQuery(text);
    }

    /** The model's name, recorded in the index's commits. */
    String model() {
        return embedder.name();
    }

    /** Documents embedded so far by this index (not reused). */
    long embeddedCount() {
        return embedded;
    }

    /** Documents whose vector was reused so far. */
    long reusedCount() {
        return reused;
    }

    private static String embeddedText(StoredDocument d) {
        String title = d.document().title() == null ? "" : d.document().title();
        String body = d.document().body() == null ? "" : d.document().body();
        return title + "\n" + body;
    }

    static String contentHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private float[] storedVector(IndexSearcher previous, String id, String hash) {
        try {
            TopDocs top = previous.search(new TermQuery(new Term(IndexFields.ID, id)), 1);
            if (top.scoreDocs.length == 0) return null;
            Document doc = previous.storedFields().document(top.scoreDocs[0].doc, REUSE_FIELDS);
            BytesRef bytes = doc.getBinaryValue(IndexFields.VECTOR_BYTES);
            if (!hash.equals(doc.get(IndexFields.CONTENT_HASH)) || bytes == null) return null;
            float[] v = new float[bytes.length / Float.BYTES];
            if (v.length != embedder.dimensions()) return null; // another model's vector
            ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }
}
