package dev.nightjar.model;

import java.util.Locale;

/**
 * Source-of-truth levels, highest first. Answers prefer higher levels and label lower ones;
 * {@code stale} and {@code superseded} are flags on a document, not levels.
 */
public enum TruthLevel {
    CANONICAL, RECORD, WORKING, SCRATCHPAD;

    /** The lower-case name used in YAML, JSON and the index. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TruthLevel fromLabel(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown truth level '" + label
                    + "' (expected canonical, record, working or scratchpad)");
        }
    }

    /** True when this level outranks {@code other}. */
    public boolean isAbove(TruthLevel other) {
        return ordinal() < other.ordinal();
    }
}
