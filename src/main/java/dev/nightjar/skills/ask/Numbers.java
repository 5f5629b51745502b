package dev.nightjar.skills.ask;

import java.math.BigDecimal;

/** Numbers as people write them: {@code 0.42}, not {@code 0.42000000000000004}; integers without ".0". */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new BigDecimal(Double.toString(v)).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A signed difference: {@code +0.017}. */
    public static String delta(double v) {
        return (v >= 0 ? "+" : "") + format(v);
    }
}
