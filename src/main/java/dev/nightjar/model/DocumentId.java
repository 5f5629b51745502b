package dev.nightjar.model;

import java.util.Objects;

/**
 * Identity of a document across all sources: {@code source:kind:key}, for example
 * {@code linear:issue:ENG-123}, {@code github:pr:acme/api#42} or {@code slack:thread:C0123/1716200000.000100}.
 * The key may itself contain colons; source and kind may not.
 */
public record DocumentId(String source, String kind, String key) {

    public DocumentId {
        requirePart(source, "source");
        requirePart(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) throw new IllegalArgumentException("document key is blank");
    }

    public static DocumentId of(String source, String kind, String key) {
        return new DocumentId(source, kind, key);
    }

    public static DocumentId parse(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a document id (source:kind:key): " + value);
        }
        return new DocumentId(parts[0], parts[1], parts[2]);
    }

    /** {@code source:kind}, the unit `status` counts by. */
    public String sourceKind() {
        return source + ":" + kind;
    }

    @Override
    public String toString() {
        return source + ":" + kind + ":" + key;
    }

    private static void requirePart(String part, String name) {
        Objects.requireNonNull(part, name);
        if (part.isBlank() || part.indexOf(':') >= 0) {
            throw new IllegalArgumentException("invalid document " + name + ": '" + part + "'");
        }
    }
}
