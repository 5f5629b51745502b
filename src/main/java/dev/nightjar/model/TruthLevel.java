package dev.nightjar.model;

import java.util.Locale;

/**
 * Source-of-truth levels, highest first. Answers prefer higher levels and label lower ones;
 * {@code stale} and {@code superseded} are flags on a document, not levels. {@code reference} is
 * outside material (arXiv papers): true or not, it says nothing about the team, so it is never
 * stated as a team fact nor weighed in a conflict.
 */
public enum TruthLevel {
    CANONICAL, RECORD, WORKING, SCRATCHPAD, REFERENCE;

    /** The lower-case name used in YAML, JSON and the index. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TruthLevel fromLabel(String label) {
        try {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown truth level '" + label
                    + "' (expected canonical, record, working, scratchpad or reference)");
        }
    }

    /** True for the levels that state something about the team (all but {@link #REFERENCE}). */
    public boolean aboutTheTeam() {
        return this != REFERENCE;
    }

    /** True when this level outranks {@code other}. */
    public boolean isAbove(TruthLevel other) {
        return ordinal() < other.ordinal();
    }
}
