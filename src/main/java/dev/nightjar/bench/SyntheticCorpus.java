package dev.nightjar.bench;

import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic synthetic documents of about 1 KB: words drawn with a Zipf-like skew from a fixed
 * vocabulary (so queries have frequent and rare terms), spread over the five sources and 60 days.
 */
final class SyntheticCorpus {

    private static final String[] SOURCES = {"linear:issue", "github:pr", "slack:thread", "notion:page", "wandb:run"};
    private final String[] vocabulary;
    private final Random random;
    private final Instant now;

    SyntheticCorpus(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
        Random words = new Random(42);
        vocabulary = new String[5000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 3 + words.nextInt(7);
            for (int c = 0; c < len; c++) w.append((char) ('a' + words.nextInt(26)));
            vocabulary[i] = w.toString();
        }
    }

    String word() {
        // inverse-power sampling: low indexes are frequent, high ones rare
        double u = random.nextDouble();
        return vocabulary[(int) Math.min(vocabulary.length - 1, Math.floor(Math.pow(u, 3) * vocabulary.length))];
    }

    Document document(int i) {
        String[] kind = SOURCES[i % SOURCES.length].split(":");
        StringBuilder body = new StringBuilder(1100);
        while (body.length() < 1000) body.append(word()).append(' ');
        String title = word() + " " + word() + " " + word();
        return Document.builder(DocumentId.of(kind[0], kind[1], "B-" + i))
                .url("https://bench.example/" + kind[0] + "/" + i).title(title).body(body.toString())
                .state(i % 3 == 0 ? "done" : "open").author(kind[0] + ":user" + (i % 50))
                .participants(List.of(kind[0] + ":user" + (i % 70))).projects(List.of("linear:project:p" + (i % 20)))
                .labels(List.of("l" + (i % 9))).properties(Map.of("team", "T" + (i % 4)))
                .createdAt(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60))))
                .updatedAt(now.minus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)))).build();
    }

    List<Document> batch(int from, int count) {
        List<Document> docs = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) docs.add(document(i));
        return docs;
    }

    List<String> queries(int count) {
        List<String> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) queries.add(i % 3 == 0 ? word() : word() + " " + word());
        return queries;
    }
}
