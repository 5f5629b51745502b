package dev.nightjar.model;

import java.time.Instant;

/**
 * The truth policy's verdict on one document: its level, why (the rule or mark that decided it), when a
 * canonical document is due for review, and whether it is past that date (stale).
 */
public record TruthAssessment(TruthLevel level, String reason, Instant reviewBy, boolean stale) {

    public static TruthAssessment of(TruthLevel level, String reason) {
        return new TruthAssessment(level, reason, null, false);
    }
}
