package dev.nightjar.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the normalizer makes of one or more source records: documents to upsert, links they carry,
 * people they name, and ids the source says are gone (archived, deleted, trashed).
 */
public record Normalized(List<Document> documents, List<Link> links, List<PersonIdentity> people,
                         List<DocumentId> deleted) {

    public Normalized {
        documents = List.copyOf(documents);
        links = List.copyOf(links);
        people = List.copyOf(people);
        deleted = List.copyOf(deleted);
    }

    public static Normalized empty() {
        return new Normalized(List.of(), List.of(), List.of(), List.of());
    }

    public static Normalized of(Document document, List<Link> links) {
        return new Normalized(List.of(document), links, List.of(), List.of());
    }

    public Normalized plus(Normalized other) {
        return new Normalized(concat(documents, other.documents), concat(links, other.links),
                concat(people, other.people), concat(deleted, other.deleted));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return b;
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }
}
