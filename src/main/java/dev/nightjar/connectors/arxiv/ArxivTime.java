package dev.nightjar.connectors.arxiv;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** arXiv's Atom timestamps ({@code 2026-11-20T18:00:02Z}); null for a missing or unreadable one. */
final class ArxivTime {

    private ArxivTime() {
    }

    static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return Instant.parse(iso.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
