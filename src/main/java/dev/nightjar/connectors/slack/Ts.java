package dev.nightjar.connectors.slack;

import java.math.BigDecimal;
import java.time.Instant;

/** Slack timestamps ({@code "1512085950.000216"}): message ids that are also times. */
public final class Ts {

    private Ts() {
    }

    static int compare(String a, String b) {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    static boolean after(String a, String b) {
        return compare(a, b) > 0;
    }

    static String max(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return compare(a, b) >= 0 ? a : b;
    }

    static String min(String a, String b) {
        if (a == null) return b;
        if (b == null) return a;
        return compare(a, b) <= 0 ? a : b;
    }

    static String of(Instant instant) {
        return instant.getEpochSecond() + "." + String.format("%06d", instant.getNano() / 1000);
    }

    /** The instant a Slack {@code ts} ("seconds.micros" since the epoch) names. */
    public static Instant instant(String ts) {
        BigDecimal d = new BigDecimal(ts);
        long seconds = d.longValue();
        long micros = d.subtract(BigDecimal.valueOf(seconds)).movePointRight(6).longValue();
        return Instant.ofEpochSecond(seconds, micros * 1000);
    }

    /** True for a well-formed Slack {@code ts}. */
    public static boolean valid(String ts) {
        return ts != null && ts.matches("\\d{1,12}(\\.\\d{1,9})?");
    }
}
