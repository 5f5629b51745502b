package dev.nightjar.skills;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Times as a reader says them: "4 h ago", "yesterday", "3 days ago", then the date in the reader's own
 * time zone; never a machine timestamp such as {@code 2026-11-29T17:14:11.317102505Z}.
 */
public final class Humanize {

    private Humanize() {
    }

    public static String ago(Instant t, Instant now, ZoneId zone) {
        if (t == null) return "at an unknown time";
        Duration d = Duration.between(t, now);
        if (d.isNegative()) return "on " + LocalDate.ofInstant(t, zone);
        long minutes = d.toMinutes();
        if (minutes < 2) return "just now";
        if (minutes < 60) return minutes + " min ago";
        long hours = d.toHours();
        if (hours < 24) return hours + " h ago";
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(t, zone), LocalDate.ofInstant(now, zone));
        if (days <= 1) return "yesterday";
        if (days < 14) return days + " days ago";
        return "on " + LocalDate.ofInstant(t, zone);
    }
}
