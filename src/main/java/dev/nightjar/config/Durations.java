package dev.nightjar.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations used in YAML and flags: {@code 90d}, {@code 12w}, {@code 24h}, {@code 30m}, or ISO {@code P90D}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([mhdw])");

    private Durations() {
    }

    public static Duration parse(String text, String what) {
        if (text == null || text.isBlank()) throw new ConfigException(what + ": empty duration");
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        try {
            if (t.startsWith("p")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            // fall through to the message below
        }
        throw new ConfigException(what + ": '" + text + "' is not a duration (use e.g. 24h, 90d, 12w or P90D)");
    }
}
