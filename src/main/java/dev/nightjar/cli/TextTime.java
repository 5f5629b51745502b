package dev.nightjar.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Instants as the CLI's text output says them: to the minute in UTC with a humanised age
 * ("2026-11-29 17:14 UTC, 3 h ago"), measured from the injected clock's "now". The JSON output keeps
 * the contract's ISO-8601 instants; only text is humanised, for an operator reading a terminal.
 */
final class TextTime {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Instant now;

    TextTime(Instant now) {
        this.now = now;
    }

    /**
     * An ISO-8601 instant as the JSON holds it, said for text; {@code whenAbsent} for null, and the
     * value itself when it is not an instant (never an exception for a display).
     */
    String say(Object iso, String whenAbsent) {
        if (iso == null) return whenAbsent;
        try {
            return say(Instant.parse(iso.toString()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** "2026-11-29 17:14 UTC, 3 h ago" (truncated to the minute, never rounded up). */
    String say(Instant at) {
        return MINUTE.format(at) + ", " + age(at);
    }

    /**
     * How long before now: "just now" under a minute, "N min ago" under an hour, "N h ago" under two
     * days, then "N days ago"; a time after now (a clock ahead of ours) says "in the future".
     */
    String age(Instant at) {
        Duration d = Duration.between(at, now);
        if (d.isNegative()) return d.abs().toMinutes() < 1 ? "just now" : "in the future";
        if (d.toMinutes() < 1) return "just now";
        if (d.toMinutes() < 60) return d.toMinutes() + " min ago";
        if (d.toHours() < 48) return d.toHours() + " h ago";
        return d.toDays() + " days ago";
    }
}
