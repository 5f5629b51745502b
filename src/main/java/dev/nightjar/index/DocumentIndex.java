package dev.nightjar.index;

import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Document;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoreChanges;
import dev.nightjar.store.StoredDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;

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

    /**
     * Body: stored and indexed with offsets, so highlighting reads passages from the postings instead
     * of analysing the text again at query time.
     */
    private static final FieldType BODY_TYPE = bodyType();

    private static FieldType bodyType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The analyzer of title and body (English: stemming, stop words). */
    public static Analyzer newAnalyzer() {
        return new EnglishAnalyzer();
    }

    /** The Lucene document for a stored one; public so the benchmark's raw baseline indexes identical fields. */
    public static org.apache.lucene.document.Document toLucene(StoredDocument stored) {
        Document d = stored.document();
        org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
        doc.add(new StringField(IndexFields.ID, stored.id(), Field.Store.YES));
        doc.add(new StringField(IndexFields.SOURCE, d.id().source(), Field.Store.NO));
        doc.add(new StringField(IndexFields.KIND, d.id().sourceKind(), Field.Store.NO));
        doc.add(new TextField(IndexFields.TITLE, d.title(), Field.Store.YES));
        doc.add(new Field(IndexFields.BODY, d.body(), BODY_TYPE));
        if (d.state() != null) doc.add(new StringField(IndexFields.STATE, d.state(), Field.Store.NO));
        for (String p : d.projects()) doc.add(new StringField(IndexFields.PROJECT, p, Field.Store.NO));
        if (d.author() != null) doc.add(new StringField(IndexFields.PERSON, d.author(), Field.Store.NO));
        for (String p : d.participants()) doc.add(new StringField(IndexFields.PERSON, p, Field.Store.NO));
        for (String l : d.labels()) doc.add(new StringField(IndexFields.LABEL, l, Field.Store.NO));
        doc.add(new StringField(IndexFields.TRUTH, stored.truth().label(), Field.Store.YES));
        if (stored.stale()) doc.add(new StringField(IndexFields.FLAG, "stale", Field.Store.YES));
        if (stored.superseded()) doc.add(new StringField(IndexFields.FLAG, "superseded", Field.Store.YES));
        if (d.acl().everyone()) doc.add(new StringField(IndexFields.ACL, IndexFields.EVERYONE, Field.Store.NO));
        for (String p : d.acl().principals()) doc.add(new StringField(IndexFields.ACL, p, Field.Store.NO));
        if (d.url() != null) doc.add(new StoredField(IndexFields.URL, d.url()));
        Instant updated = d.updatedAt() != null ? d.updatedAt() : stored.changedAt();
        long millis = updated == null ? 0 : updated.toEpochMilli();
        doc.add(new LongPoint(IndexFields.UPDATED, millis));
        doc.add(new NumericDocValuesField(IndexFields.UPDATED, millis));
        doc.add(new StoredField(IndexFields.UPDATED, millis));
        doc.add(new NumericDocValuesField(IndexFields.TRUTH_RANK, stored.truth().ordinal()));
        doc.add(new NumericDocValuesField(IndexFields.PENALTY, (stored.stale() ? 1 : 0) | (stored.superseded() ? 2 : 0)));
        return doc;
    }

    /** Ranked hits (see {@link RankingBoost} for the formula), with a highlighted passage each when asked. */
    public List<SearchHit> search(SearchRequest request) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query text = textQuery(request.text());
                TopDocs top = ranked(searcher, text, withFilters(text, request), Math.max(1, request.limit()));
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
     * grow with the number of matches), then truth × flags × recency re-ranks them. Without query text
     * every document matches equally, so all of them are ranked by the boost alone.
     */
    private TopDocs ranked(IndexSearcher searcher, Query text, Query filtered, int limit) throws IOException {
        RankingBoost boost = new RankingBoost(clock);
        if (text instanceof MatchAllDocsQuery) return searcher.search(new FunctionScoreQuery(filtered, boost), limit);
        ScoreDoc[] candidates = searcher.search(filtered, Math.max(RESCORE_WINDOW, limit * 10)).scoreDocs.clone();
        java.util.Arrays.sort(candidates, java.util.Comparator.comparingInt(sd -> sd.doc)); // doc values read forward
        List<org.apache.lucene.index.LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int currentLeaf = -1;
        org.apache.lucene.search.DoubleValues values = null;
        for (ScoreDoc sd : candidates) {
            int leafIndex = org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, leaves);
            var leaf = leaves.get(leafIndex);
            if (leafIndex != currentLeaf) {
                values = boost.getValues(leaf, null);
                currentLeaf = leafIndex;
            }
            values.advanceExact(sd.doc - leaf.docBase);
            sd.score = (float) (sd.score * values.doubleValue());
        }
        java.util.Arrays.sort(candidates, (a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc));
        ScoreDoc[] top = java.util.Arrays.copyOf(candidates, Math.min(limit, candidates.length));
        return new TopDocs(new org.apache.lucene.search.TotalHits(top.length, org.apache.lucene.search.TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), top);
    }

    /** What a hit needs from the stored fields; the body is stored for highlighting only. */
    private static final Set<String> HIT_FIELDS = Set.of(IndexFields.ID, IndexFields.TITLE, IndexFields.URL, IndexFields.TRUTH,
            IndexFields.FLAG, IndexFields.UPDATED);

    /** How many BM25 matches truth and recency may re-rank. */
    static final int RESCORE_WINDOW = 100;

    private Query textQuery(String text) {
        return textQuery(analyzer, text);
    }

    /** The BM25 part of ranking: title weighted twice the body; user syntax is not interpreted. */
    public static Query textQuery(Analyzer analyzer, String text) {
        if (text == null || text.isBlank()) return new MatchAllDocsQuery();
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, Map.of(IndexFields.TITLE, 2f, IndexFields.BODY, 1f));
        Query q = parser.parse(text);
        return q == null ? new MatchAllDocsQuery() : q; // only stop words: match all, rank by truth and recency
    }

    private static Query withFilters(Query text, SearchRequest r) {
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

    private String[] highlight(IndexSearcher searcher, Query text, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0 || text instanceof MatchAllDocsQuery) return null;
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer).build();
        return highlighter.highlight(IndexFields.BODY, text, top, 1);
    }

    public int documentCount() {
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

    public long sizeBytes() {
        try (Stream<Path> files = Files.list(directory.getDirectory())) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Document count and size of the index in {@code dataDir}, read without taking the writer lock. */
    public record Stats(int documents, long bytes) {
    }

    public static Stats stats(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().resolve("index");
        if (!Files.isDirectory(dir)) return new Stats(0, 0);
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return new Stats(0, 0);
            long bytes;
            try (Stream<Path> files = Files.list(dir)) {
                bytes = files.mapToLong(p -> p.toFile().length()).sum();
            }
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return new Stats(reader.numDocs(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index in " + dir, e);
        }
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
