package dev.nightjar.skills.decisions;

import java.time.Instant;

/** A decision found in a document: what, why (or null), who said it, when, and the source document. */
public record Decision(long id, String docId, String text, String why, String who, Instant decidedAt) {
}
