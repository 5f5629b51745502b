package dev.nightjar.bench;

import dev.nightjar.Workspace;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.model.Document;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.truth.TruthAssessor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

/**
 * Figures 1, 2 and 5 of the benchmark: our normalize+store+index path against raw Lucene on the same
 * documents, analyzer and fields; query latency of ask's retrieval against a bare IndexSearcher on the
 * same index; peak heap of a full rebuild and index size against the raw baseline.
 */
final class IndexBenchmark {

    static final int BATCH = 1000;

    record Result(int docs, double oursSeconds, double rawSeconds, double storeSeconds, double indexSeconds,
                  long oursBytes, long rawBytes, double[] oursLatencyMs, double[] rawLatencyMs, long rebuildPeakHeap,
                  double rebuildSeconds, double readBackSeconds, double readBackIndexSeconds) {
    }

    private final Path dir;
    private final int docs;
    private final int queries;
    /** Also time the before-variant (the index reading each batch back from the store). */
    private final boolean withBefore;

    IndexBenchmark(Path dir, int docs, int queries, boolean withBefore) {
        this.dir = dir;
        this.docs = docs;
        this.queries = queries;
        this.withBefore = withBefore;
    }

    Result run(java.io.PrintWriter log) throws IOException {
        Instant now = Instant.now();
        // warm all paths up on a small corpus so the JIT does not favour whichever runs second
        ingestOurs(dir.resolve("warm-ours"), Math.min(5_000, docs), now, new double[2], true).close();
        if (withBefore) ingestOurs(dir.resolve("warm-readback"), Math.min(5_000, docs), now, new double[2], false).close();
        try (RawIngest warm = new RawIngest(dir.resolve("warm-raw"), now)) {
            warm.slice(0, Math.min(5_000, docs));
        }

        log.printf("  raw Lucene,%s Nightjar now: %,d documents each, interleaved %,d at a time...%n",
                withBefore ? " Nightjar as before (the index reads each batch back from the store) and" : "", docs, BATCH);
        log.flush();
        // Interleaved slices, the first variant rotating: on a shared machine the load changes over minutes,
        // and a variant run whole after another would meet a different machine (a 0.42x that was load).
        OursIngest ours = new OursIngest(dir.resolve("ours"), now, true);
        double rawSeconds, readBackSeconds = 0, readBackIndexSeconds = 0;
        try (RawIngest raw = new RawIngest(dir.resolve("raw"), now);
             OursIngest readBack = withBefore ? new OursIngest(dir.resolve("ours-readback"), now, false) : null) {
            List<Ingest> variants = readBack == null ? List.of(raw, ours) : List.of(raw, readBack, ours);
            for (int i = 0, round = 0; i < docs; i += BATCH, round++) {
                for (int k = 0; k < variants.size(); k++) variants.get((round + k) % variants.size()).slice(i, Math.min(BATCH, docs - i));
            }
            for (Ingest v : variants) v.finish();
            rawSeconds = raw.seconds;
            if (readBack != null) {
                readBackSeconds = readBack.seconds();
                readBackIndexSeconds = readBack.split[1];
            }
        } catch (IOException | RuntimeException e) {
            ours.close();
            throw e;
        }
        try (Workspace ws = ours.ws) {
            List<String> qs = new SyntheticCorpus(99, now).queries(queries);
            double[][] latency;
            Analyzer analyzer = DocumentIndex.newAnalyzer();
            try (FSDirectory d = FSDirectory.open(dir.resolve("ours").resolve("data/index")); DirectoryReader reader = DirectoryReader.open(d)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                latency = latencies(qs, q -> ws.index().search(SearchRequest.of(q, 10)), q -> {
                    Query query = DocumentIndex.textQuery(analyzer, q);
                    try {
                        return searcher.search(query, 10);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            double[] oursLatency = latency[0], rawLatency = latency[1];
            log.printf("  Nightjar: rebuilding the index from the store...%n");
            log.flush();
            resetPeaks();
            long t2 = System.nanoTime();
            ws.index().rebuild(ws.documents());
            double rebuild = seconds(t2);
            long peak = heapPeak();
            return new Result(docs, ours.seconds(), rawSeconds, ours.split[0], ours.split[1], ws.index().sizeBytes(),
                    size(dir.resolve("raw")), oursLatency, rawLatency, peak, rebuild, readBackSeconds, readBackIndexSeconds);
        }
    }

    /**
     * Our path on {@code n} synthetic documents into a new workspace under {@code root}, which the caller closes.
     *
     * @param split     receives seconds spent in the store write [0] and in the index [1]
     * @param fromWrite index each batch from the write that committed it, as the nightly job does; false:
     *                  replay it from the store (how the index caught up before, kept for the before/after figure)
     */
    static Workspace ingestOurs(Path root, int n, Instant now, double[] split, boolean fromWrite) {
        OursIngest ours = new OursIngest(root, now, fromWrite);
        for (int i = 0; i < n; i += BATCH) ours.slice(i, Math.min(BATCH, n - i));
        ours.finish();
        split[0] += ours.split[0];
        split[1] += ours.split[1];
        return ours.ws;
    }

    /** One way of indexing the synthetic corpus, fed a slice at a time. */
    private interface Ingest {
        /** Indexes documents {@code from} .. {@code from + n - 1} of the corpus. */
        void slice(int from, int n) throws IOException;

        /** A durable commit, as every variant ends with. */
        void finish() throws IOException;
    }

    /** Normalize + store + index, through a workspace's store and index as the nightly job writes; closing closes the workspace. */
    private static final class OursIngest implements Ingest, AutoCloseable {
        final Workspace ws;
        /** Seconds in the store write [0] and in the index [1]. */
        final double[] split = new double[2];
        private final boolean fromWrite;
        private final TruthAssessor truth;
        private final SyntheticCorpus corpus;
        private final DocumentStore unfollowed;

        OursIngest(Path root, Instant now, boolean fromWrite) {
            this.ws = new Workspace(root.resolve("data"), new ConfigDir(root.resolve("config")), Environment.of(Map.of()), Clock.systemUTC());
            this.fromWrite = fromWrite;
            this.truth = new TruthAssessor(ws.truthPolicy(), ws.canonicalMarks(), ws.clock());
            this.corpus = new SyntheticCorpus(1, now);
            ws.index();
            // a store without the change feed, so the index step is timed apart from the write as before
            this.unfollowed = new DocumentStore(ws.database(), ws.clock());
        }

        @Override
        public void slice(int from, int n) {
            List<Document> batch = corpus.batch(from, n);
            long a = System.nanoTime();
            var written = unfollowed.writeBatch(new Normalized(batch, List.of(), List.of(), List.of()), truth);
            long b = System.nanoTime();
            if (fromWrite) ws.index().applyCommitted(written.changes(), unfollowed); // as the change feed does after each commit
            else ws.index().catchUp(unfollowed);
            split[0] += (b - a) / 1e9;
            split[1] += (System.nanoTime() - b) / 1e9;
        }

        @Override
        public void finish() {
            // the index otherwise commits every 10 s, so a small corpus would leave nothing on disk for the raw searcher
            long c = System.nanoTime();
            ws.index().commit();
            split[1] += (System.nanoTime() - c) / 1e9;
        }

        double seconds() {
            return split[0] + split[1];
        }

        @Override
        public void close() {
            ws.close();
        }
    }

    /** The baseline: the same documents, analyzer and fields straight into an {@link IndexWriter}. */
    private static final class RawIngest implements Ingest, AutoCloseable {
        private final FSDirectory directory;
        private final IndexWriter writer;
        private final SyntheticCorpus corpus;
        private final Instant now;
        double seconds;

        RawIngest(Path root, Instant now) throws IOException {
            Files.createDirectories(root);
            this.directory = FSDirectory.open(root);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(DocumentIndex.newAnalyzer()).setRAMBufferSizeMB(64));
            this.corpus = new SyntheticCorpus(1, now);
            this.now = now;
        }

        @Override
        public void slice(int from, int n) throws IOException {
            long t = System.nanoTime();
            for (int i = from; i < from + n; i++) {
                Document doc = corpus.document(i);
                StoredDocument stored = new StoredDocument(doc, 1, "", TruthLevel.RECORD, "", null, false, null, null, now, now, i);
                writer.addDocument(DocumentIndex.toLucene(stored));
            }
            seconds += (System.nanoTime() - t) / 1e9;
        }

        @Override
        public void finish() throws IOException {
            long t = System.nanoTime();
            writer.commit();
            seconds += (System.nanoTime() - t) / 1e9;
        }

        @Override
        public void close() throws IOException {
            writer.close();
            directory.close();
        }
    }

    /**
     * p50 and p99 of both searches, each query timed on ours then on the baseline in turn, so GC pauses and
     * machine noise fall on both sides alike instead of on whichever ran second.
     */
    private static double[][] latencies(List<String> queries, java.util.function.Function<String, Object> ours,
                                        java.util.function.Function<String, Object> raw) {
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                ours.apply(q);
                raw.apply(q);
            }
        }
        int rounds = 5;
        double[] a = new double[queries.size() * rounds], b = new double[queries.size() * rounds];
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : queries) {
                a[k] = time(ours, q);
                b[k++] = time(raw, q);
            }
        }
        Arrays.sort(a);
        Arrays.sort(b);
        return new double[][]{{percentile(a, 50), percentile(a, 99)}, {percentile(b, 50), percentile(b, 99)}};
    }

    private static double time(java.util.function.Function<String, Object> search, String query) {
        long t = System.nanoTime();
        search.apply(query);
        return (System.nanoTime() - t) / 1e6;
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
