package dev.nightjar.bench;

import dev.nightjar.index.DocumentIndex;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * The floor of a cold CLI command, for the start-up figure: a JVM that opens a store's Lucene index,
 * runs one BM25 top-10 query (the same analyzer and title/body weights as {@code ask}) and prints the
 * titles of the hits. No store, no config, no logging.
 * <pre>java --enable-native-access=ALL-UNNAMED -cp target/app/nightjar.jar dev.nightjar.bench.BareQuery DATA_DIR/index "QUESTION"</pre>
 */
public final class BareQuery {

    private BareQuery() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BareQuery INDEX_DIR QUESTION");
            System.exit(2);
        }
        try (FSDirectory dir = FSDirectory.open(Path.of(args[0])); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TopDocs top = searcher.search(DocumentIndex.textQuery(DocumentIndex.newAnalyzer(), args[1]), 10);
            // what a hit shows is read as Nightjar reads it: the "hit" doc value (id, title, url), in doc order
            int[] docs = java.util.Arrays.stream(top.scoreDocs).mapToInt(h -> h.doc).sorted().toArray();
            org.apache.lucene.index.BinaryDocValues hits = org.apache.lucene.index.MultiDocValues.getBinaryValues(reader, "hit");
            for (int doc : docs) {
                if (hits == null || !hits.advanceExact(doc)) continue;
                var bytes = hits.binaryValue();
                var in = new org.apache.lucene.store.ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
                in.readString(); // the id
                System.out.println(in.readString()); // the title
            }
        }
    }
}
