package dev.nightjar.skills.ask;

import java.time.Instant;
import java.util.List;

/**
 * The judgement that opens an answer about an initiative or project: {@code computed} from the store
 * (on_track, at_risk, off_track, done, unknown) with its reasons, each cited; and what the team itself
 * {@code declared} in its latest Linear project/initiative update (health and time), or null when it
 * wrote none. Shape pinned by {@code ask.schema.json} ("verdict").
 */
public record Verdict(String computed, String declared, Instant declaredAt, List<Reason> reasons) {

    public record Reason(String text, List<Integer> citations) {
    }

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public boolean disagrees() {
        return declared != null && !declared.equals(computed) && !computed.equals("unknown");
    }

    static String words(String status) {
        return status == null ? "no status" : status.replace('_', ' ');
    }

    /** Linear's {@code onTrack}/{@code atRisk}/{@code offTrack} (or their snake and spaced forms) as the contract's value. */
    static String normalise(String health) {
        if (health == null) return null;
        String h = health.replaceAll("([a-z])([A-Z])", "$1_$2").replace(' ', '_').toLowerCase(java.util.Locale.ROOT);
        return switch (h) {
            case "on_track", "at_risk", "off_track" -> h;
            default -> null;
        };
    }
}
