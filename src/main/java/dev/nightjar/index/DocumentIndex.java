package dev.nightjar.index;

import dev.nightjar.config.ConfigException;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoreChanges;
import dev.nightjar.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
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

    private final Analyzer analyzer = newAnalyzer();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Clock clock;
    private final DocumentSearch search;
    /** The last store change applied to the writer (committed or not). */
    private long appliedSeq;
    private long lastCommitNanos = System.nanoTime();

    static final java.time.Duration COMMIT_INTERVAL = java.time.Duration.ofSeconds(10);

    private DocumentIndex(Path dir, Clock clock) throws IOException {
        this.clock = clock;
        this.directory = FSDirectory.open(dir);
        org.apache.lucene.index.TieredMergePolicy merges = new org.apache.lucene.index.TieredMergePolicy();
        merges.setForceMergeDeletesPctAllowed(0.0); // compact() removes every deleted document
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64).setMergePolicy(merges);
        IndexWriter w;
        try {
            w = new IndexWriter(directory, config);
        } catch (LockObtainFailedException e) {
            // `serve` (or a sync) holds the writer: read its commits instead, so `ask` and `brief` still work
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw new ConfigException("the index in " + dir + " is being built by another Nightjar process; try again when it is done");
            }
            w = null;
        }
        this.writer = w;
        this.searchers = w != null ? new SearcherManager(w, null) : new SearcherManager(directory, null);
        this.search = new DocumentSearch(searchers, analyzer, clock);
        this.appliedSeq = committedSeq();
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

    /** Opens {@code <dataDir>/index} and replays store changes the last commit does not have. */
    public static DocumentIndex open(Path dataDir, DocumentStore store, Clock clock) {
        Path dir = Database.DataDirs.ensureWritable(dataDir).resolve("index");
        try {
            DocumentIndex index = new DocumentIndex(dir, clock);
            if (index.readOnly()) return index;
            if (index.builtWithOlderSchema()) index.rebuild(store); // field types changed since it was built
            else index.catchUp(store);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the index in " + dir, e);
        }
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
        store.forEachChangedAfter(appliedSeq, d -> {
            apply(d);
            count[0]++;
            max[0] = Math.max(max[0], d.changeSeq());
        });
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
            for (StoredDocument d : changes.created()) writer.addDocument(toLucene(d));
            for (StoredDocument d : changes.changed()) writer.updateDocument(new Term(IndexFields.ID, d.id()), toLucene(d));
            for (String id : changes.deleted()) writer.deleteDocuments(new Term(IndexFields.ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        appliedSeq = changes.lastSeq();
        commitOrRefresh();
        return changes.created().size() + changes.changed().size() + changes.deleted().size();
    }

    private void commitOrRefresh() {
        if (System.nanoTime() - lastCommitNanos > COMMIT_INTERVAL.toNanos()) commit();
        else refresh();
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
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes everything applied so far durable. */
    public synchronized void commit() {
        if (!readOnly()) commit(appliedSeq);
    }

    /** Drops everything and indexes the store again from scratch. */
    public synchronized int rebuild(DocumentStore store) {
        requireWriter("rebuild the index");
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] count = {0};
        long[] max = {0};
        store.forEachChangedAfter(0, d -> {
            if (!d.deleted()) {
                add(d);
                count[0]++;
            }
            max[0] = Math.max(max[0], d.changeSeq());
        });
        appliedSeq = max[0];
        commit(max[0]);
        return count[0];
    }

    private void apply(StoredDocument d) {
        try {
            if (d.deleted()) writer.deleteDocuments(new Term(IndexFields.ID, d.id()));
            else writer.updateDocument(new Term(IndexFields.ID, d.id()), toLucene(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(StoredDocument d) {
        try {
            writer.addDocument(toLucene(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean builtWithOlderSchema() throws IOException {
        if (!DirectoryReader.indexExists(directory)) return false;
        String schema = org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).getUserData().get(IndexFields.COMMIT_SCHEMA);
        return !IndexFields.SCHEMA_VERSION.equals(schema);
    }

    private void commit(long seq) {
        try {
            writer.setLiveCommitData(Map.of(IndexFields.COMMIT_SEQ, Long.toString(seq),
                    IndexFields.COMMIT_SCHEMA, IndexFields.SCHEMA_VERSION).entrySet());
            writer.commit();
            lastCommitNanos = System.nanoTime();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void refresh() {
        try {
            searchers.maybeRefreshBlocking();
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
