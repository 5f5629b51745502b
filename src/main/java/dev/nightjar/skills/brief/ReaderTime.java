package dev.nightjar.skills.brief;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Source times as a reader says them, in the reader's own time zone: "just now", "25 min ago", "4 h ago"
 * within the last day, "yesterday 14:05", then "Wed 25 Nov 14:05" (with the year when it is not this
 * year's). A brief is read in the morning of the reader's zone, so an instant like
 * {@code 2026-11-29T17:14:11.317102505Z} is never shown.
 */
public record ReaderTime(ZoneId zone, Instant now) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** {@code at} relative to {@code now}: "4 h ago", "yesterday 14:05", "Wed 25 Nov 14:05". */
    public String ago(Instant at) {
        Duration d = Duration.between(at, now);
        if (!d.isNegative()) {
            if (d.toMinutes() < 1) return "just now";
            if (d.toMinutes() < 60) return d.toMinutes() + " min ago";
            if (d.toHours() < 24) return d.toHours() + " h ago";
        }
        ZonedDateTime local = at.atZone(zone), today = now.atZone(zone);
        if (local.toLocalDate().equals(today.toLocalDate().minusDays(1))) return "yesterday " + CLOCK.format(local);
        if (local.toLocalDate().equals(today.toLocalDate())) return "today " + CLOCK.format(local);
        return absolute(at);
    }

    /** {@code at} as a day and clock time in the reader's zone ("Wed 25 Nov 14:05"). */
    public String absolute(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getYear() == now.atZone(zone).getYear() ? DAY : DAY_YEAR).format(local);
    }

    /** The zone as readers know it ("Europe/London"; "UTC" for the zero offset). */
    public String zoneName() {
        return zone.normalized().getId().equals("Z") ? "UTC" : zone.getId();
    }

    /** How long ago, in whole days, for a decision's age ("8 days ago"); same-day times fall back to {@link #ago}. */
    public String age(Instant at) {
        long days = Duration.between(at, now).toDays();
        return days >= 2 ? days + " days ago" : ago(at);
    }
}
