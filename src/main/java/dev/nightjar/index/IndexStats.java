package dev.nightjar.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/** Size and document count of an index directory, for `status` and the benchmarks. */
final class IndexStats {

    private IndexStats() {
    }

    /** Bytes of the files in {@code dir}; 0 when it cannot be listed. */
    static long sizeBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Document count and size of the index in {@code <dataDir>/index}, read without taking the writer lock. */
    static DocumentIndex.Stats read(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().resolve("index");
        if (!Files.isDirectory(dir)) return new DocumentIndex.Stats(0, 0);
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return new DocumentIndex.Stats(0, 0);
            long bytes = sizeBytes(dir);
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                return new DocumentIndex.Stats(reader.numDocs(), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index in " + dir, e);
        }
    }
}
