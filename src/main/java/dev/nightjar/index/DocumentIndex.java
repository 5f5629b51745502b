package dev.nightjar.index;

import dev.nightjar.config.ConfigException;
import dev.nightjar.index.vectors.Embedder;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoreChanges;
import dev.nightjar.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index over the store's current documents. It is derived data: every write is
 * {@code updateDocument(idTerm, doc)} (idempotent), each catch-up ends in a commit that records the
 * last store change it contains, and on open the index replays any store change after that point, so
 * a crash between a store commit and an index commit loses nothing. {@link #rebuild} recreates it
 * from the store.
 */
public final class DocumentIndex implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentIndex.class);

    private final Analyzer analyzer = newAnalyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final FreshSearchers searchers;
    private final Clock clock;
    private final DocumentSearch search;
    /** The dense half of the index; null when vectors are off (BM25 only). */
    private final DocumentVectors vectors;
    /** The last store change applied to the writer (committed or not). */
    private long appliedSeq;
    private long lastCommitNanos = System.nanoTime();

    static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofSeconds(10);

    /** Store changes turned into Lucene documents together, so their texts are embedded in one model call. */
    static final int WRITE_BATCH = 64;

    private DocumentIndex(Path dir, Clock clock, Embedder embedder) throws IOException {
        this(dir, clock, embedder, true);
    }

    /** @param write take the writer (when no other process holds it); false: read the last commit only */
    private DocumentIndex(Path dir, Clock clock, Embedder embedder, boolean write) throws IOException {
        this.clock = clock;
        this.vectors = embedder == null ? null : new DocumentVectors(embedder);
        this.directory = FSDirectory.open(dir);
        if (!write && !DirectoryReader.indexExists(directory)) {
            directory.close();
            throw new org.apache.lucene.index.IndexNotFoundException("no commit in " + dir);
        }
        IndexWriter w;
        try {
            w = write ? new IndexWriter(directory, writerConfig()) : null;
        } catch (LockObtainFailedException e) {
            // `serve` (or a sync) holds the writer: read its commits instead, so `ask` and `brief` still work
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new ConfigException("the index in " + dir + " is being built by another Nightjar process; try again when it is done");
            }
            w = null;
        }
        this.writer = w;
        this.searchers = new FreshSearchers(w != null ? new SearcherManager(w, null) : new SearcherManager(directory, null));
        this.search = new DocumentSearch(searchers, analyzer, clock, vectors);
        this.appliedSeq = committedSeq();
    }

    private IndexWriterConfig writerConfig() {
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0.0); // compact() removes every deleted document
        return new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64).setMergePolicy(merges);
    }

    /** The last store change ({@code change_seq}) applied to this index; the health view's lag is the store's newer ones. */
    public synchronized long appliedSeq() {
        return appliedSeq;
    }

    /** True when another process holds the writer: searches see its last commit, writes are refused. */
    public boolean readOnly() {
        return writer == null;
    }

    private void requireWriter(String what) {
        if (writer == null) {
            throw new ConfigException("cannot " + what + ": the index is open in another Nightjar process (stop `nightjar serve` first)");
        }
    }

    /**
     * Opens {@code <dataDir>/index} and replays store changes the last commit does not have; dense
     * vectors are on or off as {@link VectorSwitch} reads the environment.
     */
    public static DocumentIndex open(Path dataDir, DocumentStore store, Clock clock) {
        return open(dataDir, store, clock, VectorSwitch.fromEnvironment(dataDir));
    }

    /**
     * Opens {@code <dataDir>/index} with dense vectors from {@code embedder} beside BM25, or BM25 only
     * when it is null. Switching vectors on or off rebuilds the index once.
     */
    public static DocumentIndex open(Path dataDir, DocumentStore store, Clock clock, Embedder embedder) {
        Path dir = Database.DataDirs.ensureWritable(dataDir).resolve("index");
        try {
            DocumentIndex index = new DocumentIndex(dir, clock, embedder);
            if (index.readOnly()) return index;
            if (index.builtWithOlderSchema()) {
                // field types or model changed: said once, since a large store takes minutes to index again
                log.warn("the search index in {} was built by another version or vector setting; rebuilding it from the store once", dir);
                index.rebuild(store, index.builtWithSameVectors());
            }
            else index.catchUp(store);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + dir, e);
        }
    }

    /**
     * For a command that only reads (ask, brief, show): when the last commit already holds every store
     * change and was built with this schema and vector setting, a reader on that commit, without the
     * writer, which a cold `ask` spent a tenth of its time opening and which would keep a starting `serve`
     * from taking the index meanwhile. Otherwise as {@link #open(Path, DocumentStore, Clock)}: the writer
     * replays what the commit lacks. The reader never writes; a write in this process leaves the index
     * behind the store, which the next writer's catch-up replays from the change sequence.
     */
    public static DocumentIndex openForReading(Path dataDir, DocumentStore store, Clock clock) {
        Embedder embedder = VectorSwitch.fromEnvironment(dataDir);
        Path dir = Database.DataDirs.ensureWritable(dataDir).resolve("index");
        try {
            DocumentIndex reader = new DocumentIndex(dir, clock, embedder, false);
            if (!reader.builtWithOlderSchema() && reader.appliedSeq >= store.maxChangeSeq()) return reader;
            reader.close();
        } catch (org.apache.lucene.index.IndexNotFoundException e) {
            // no commit yet: the writer below creates the index
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + dir, e);
        }
        return open(dataDir, store, clock, embedder);
    }

    /**
     * Indexes every store change after the last one applied and makes it searchable (near-real-time
     * refresh). A durable commit, which costs an fsync, happens at most every {@link #COMMIT_INTERVAL}
     * and on {@link #commit()}/{@link #close()}: after a crash the store replays whatever the last commit
     * lacks, so committing per batch would buy nothing. Returns the number of changes applied.
     */
    public synchronized int catchUp(DocumentStore store) {
        if (readOnly()) {
            refresh(); // the writing process commits; see its newest commit
            return 0;
        }
        int[] count = {0};
        long[] max = {appliedSeq};
        List<StoredDocument> batch = new ArrayList<>(WRITE_BATCH);
        store.forEachChangedAfter(appliedSeq, d -> {
            batch.add(d);
            if (batch.size() == WRITE_BATCH) applyAll(batch);
            count[0]++;
            max[0] = Math.max(max[0], d.changeSeq());
        });
        applyAll(batch);
        appliedSeq = max[0];
        if (count[0] > 0) commitOrRefresh();
        return count[0];
    }

    /**
     * Applies a store write that has just committed, from the documents the write handed back instead of
     * reading them from the store again: created documents are added (the store never had them, so the
     * index cannot), changed ones updated by id, deleted ones removed. This is only a shortcut of
     * {@link #catchUp}: when the write does not directly follow the last change applied (another writer's
     * change came in between, or a later write was applied first), it replays from the store instead, so
     * the change sequence still decides what the index holds and what recovery replays. Returns the number
     * of changes applied.
     */
    public synchronized int applyCommitted(StoreChanges changes, DocumentStore store) {
        if (readOnly()) return catchUp(store);
        if (changes.isEmpty() || changes.lastSeq() <= appliedSeq) return 0; // nothing new, or replayed already
        if (changes.firstSeq() != appliedSeq + 1) return catchUp(store);
        try {
            for (var doc : luceneDocs(changes.created(), false)) writer.addDocument(doc);
            List<StoredDocument> changed = changes.changed();
            List<org.apache.lucene.document.Document> changedDocs = luceneDocs(changed, true);
            for (int i = 0; i < changed.size(); i++) writer.updateDocument(new Term(IndexFields.ID, changed.get(i).id()), changedDocs.get(i));
            for (String id : changes.deleted()) writer.deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appliedSeq = changes.lastSeq();
        commitOrRefresh();
        return changes.created().size() + changes.changed().size() + changes.deleted().size();
    }

    /** A durable commit when one is due, else the next search refreshes ({@link FreshSearchers}). */
    private void commitOrRefresh() {
        if (System.nanoTime() - lastCommitNanos > COMMIT_INTERVAL.toNanos()) commit();
        else searchers.written();
    }

    /**
     * Rewrites segments that hold deleted (updated) documents, then commits. BM25 statistics count
     * deleted documents until their segment is merged, so without this an incrementally updated index
     * ranks near-ties slightly differently from a rebuilt one. The nightly job calls it once at the end.
     */
    public synchronized void compact() {
        requireWriter("compact the index");
        try {
            writer.forceMergeDeletes(true);
            // TieredMergePolicy merges segments with deletes together but leaves a lone one as it is (Lucene
            // 10.6: one flushed segment of 300 documents, 200 deleted, stays so), which is what a night's
            // writes become when no search refreshed in between (FreshSearchers): rewrite it then
            if (writer.hasDeletions()) writer.forceMerge(1);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything applied so far durable. */
    public synchronized void commit() {
        if (!readOnly()) commit(appliedSeq);
    }

    /** Drops everything and indexes the store again from scratch, reusing the vectors of unchanged texts. */
    public synchronized int rebuild(DocumentStore store) {
        return rebuild(store, true);
    }

    private int rebuild(DocumentStore store, boolean reuseVectors) {
        requireWriter("rebuild the index");
        try {
            // the view before deleteAll keeps the old vectors readable, so unchanged texts are not embedded again
            IndexSearcher before = vectors == null || !reuseVectors ? null : searchers.acquireAsIs();
            try {
                writer.deleteAll();
                int[] count = {0};
                long[] max = {0};
                List<StoredDocument> batch = new ArrayList<>(WRITE_BATCH);
                store.forEachChangedAfter(0, d -> {
                    if (!d.deleted()) {
                        batch.add(d);
                        if (batch.size() == WRITE_BATCH) addAll(batch, before);
                        count[0]++;
                    }
                    max[0] = Math.max(max[0], d.changeSeq());
                });
                addAll(batch, before);
                appliedSeq = max[0];
                commit(max[0]);
                return count[0];
            } finally {
                if (before != null) searchers.release(before);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies store changes in order (deletions remove, the rest update by id), then empties {@code batch}. */
    private void applyAll(List<StoredDocument> batch) {
        if (batch.isEmpty()) return;
        List<StoredDocument> live = batch.stream().filter(d -> !d.deleted()).toList();
        var docs = luceneDocs(live, true).iterator();
        try {
            for (StoredDocument d : batch) {
                if (d.deleted()) writer.deleteDocuments(new Term(IndexFields.ID, d.id()));
                else writer.updateDocument(new Term(IndexFields.ID, d.id()), docs.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    private void addAll(List<StoredDocument> batch, IndexSearcher previous) {
        try {
            for (var doc : luceneDocs(batch, previous)) writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        batch.clear();
    }

    /** Lucene documents for {@code stored}; vectors reuse the searchable view's when {@code reuse} (the ids may be indexed). */
    private List<org.apache.lucene.document.Document> luceneDocs(List<StoredDocument> stored, boolean reuse) {
        if (vectors == null || !reuse) return luceneDocs(stored, (IndexSearcher) null);
        try {
            IndexSearcher current = searchers.acquireAsIs(); // an older view only means embedding again
            try {
                return luceneDocs(stored, current);
            } finally {
                searchers.release(current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<org.apache.lucene.document.Document> luceneDocs(List<StoredDocument> stored, IndexSearcher previous) {
        List<org.apache.lucene.document.Document> docs = new ArrayList<>(stored.size());
        for (StoredDocument d : stored) docs.add(IndexSchema.toLucene(d));
        if (vectors != null && !stored.isEmpty()) vectors.attach(stored, docs, previous);
        return docs;
    }

    private boolean builtWithOlderSchema() throws IOException {
        if (!DirectoryReader.indexExists(directory)) return false;
        Map<String, String> data = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData();
        return !IndexFields.SCHEMA_VERSION.equals(data.get(IndexFields.COMMIT_SCHEMA))
                || !vectorsLabel().equals(data.getOrDefault(IndexFields.COMMIT_VECTORS, "off")); // vectors switched on or off
    }

    /** Whether the last commit's vectors came from this index's model (a model switch must embed everything again). */
    private boolean builtWithSameVectors() throws IOException {
        if (!DirectoryReader.indexExists(directory)) return false;
        return vectorsLabel().equals(org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(IndexFields.COMMIT_VECTORS));
    }

    private void commit(long seq) {
        try {
            writer.setLiveCommitData(Map.of(IndexFields.COMMIT_SEQ, Long.toString(seq),
                    IndexFields.COMMIT_SCHEMA, IndexFields.SCHEMA_VERSION, IndexFields.COMMIT_VECTORS, vectorsLabel()).entrySet());
            writer.commit();
            lastCommitNanos = System.nanoTime();
            searchers.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String vectorsLabel() {
        return vectors == null ? "off" : vectors.model(); // e.g. "e5-small-v2-q": another model's vectors are never reused
    }

    /** Documents embedded by this index since it was opened (vectors reused from an unchanged text are not counted). */
    public long embeddedCount() {
        return vectors == null ? 0 : vectors.embeddedCount();
    }

    private void refresh() {
        try {
            searchers.refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long committedSeq() {
        try {
            if (!DirectoryReader.indexExists(directory)) return 0;
            var infos = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory);
            String seq = infos.getUserData().get(IndexFields.COMMIT_SEQ);
            return seq == null ? 0 : Long.parseLong(seq);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The analyzer of title and body (English: stemming, stop words). */
    public static Analyzer newAnalyzer() {
        return IndexSchema.newAnalyzer();
    }

    /** The Lucene document for a stored one; public so the benchmark's raw baseline indexes identical fields. */
    public static org.apache.lucene.document.Document toLucene(StoredDocument stored) {
        return IndexSchema.toLucene(stored);
    }

    /** Ranked hits (see {@link RankingBoost} for the formula), with a highlighted passage each when asked. */
    public List<SearchHit> search(SearchRequest request) {
        return search.search(request);
    }

    /**
     * The documents nearest to the question's vector ({@code request.limit()} of them, under its filters), most similar
     * first, each hit's score and {@link SearchHit#similarity()} its cosine similarity; empty when vectors are off.
     */
    public List<SearchHit> nearest(SearchRequest request) {
        return search.nearest(request);
    }

    /** Whether this index keeps dense vectors beside BM25 ({@code NIGHTJAR_VECTORS}). */
    public boolean hasVectors() {
        return search.hasVectors();
    }

    /** The BM25 part of ranking: title weighted twice the body; user syntax is not interpreted. */
    public static Query textQuery(Analyzer analyzer, String text) {
        return IndexQueries.textQuery(analyzer, text);
    }

    /** Documents visible to searches now. */
    public int documentCount() {
        return search.documentCount();
    }

    /** Bytes of the index files. */
    public long sizeBytes() {
        return IndexStats.sizeBytes(directory.getDirectory());
    }

    /** Document count and size of the index in {@code dataDir}, read without taking the writer lock. */
    public record Stats(int documents, long bytes) {
    }

    public static Stats stats(Path dataDir) {
        return IndexStats.read(dataDir);
    }

    @Override
    public synchronized void close() {
        try {
            commit();
            searchers.close();
            if (writer != null) writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
