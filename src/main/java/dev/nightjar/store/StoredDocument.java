package dev.nightjar.store;

import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import java.time.Instant;

/** A document as the store holds it: the content plus version, truth level and flags. */
public record StoredDocument(Document document, int version, String contentHash, TruthLevel truth, String truthReason,
                             Instant reviewBy, boolean stale, String supersededBy, Instant deletedAt,
                             Instant firstSeenAt, Instant changedAt, long changeSeq) {

    public String id() {
        return document.id().toString();
    }

    public boolean superseded() {
        return supersededBy != null;
    }

    public boolean deleted() {
        return deletedAt != null;
    }
}
