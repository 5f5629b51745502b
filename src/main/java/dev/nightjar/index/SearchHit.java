package dev.nightjar.index;

import dev.nightjar.model.TruthLevel;
import java.time.Instant;

/** One ranked hit with enough to cite it; the full document is in the store. */
public record SearchHit(String id, float score, String title, String url, TruthLevel truth, boolean stale,
                        boolean superseded, Instant updatedAt, String highlight) {
}
