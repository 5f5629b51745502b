package dev.nightjar.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The normalized states the connectors give documents ({@link Document#state()}): Linear's workflow types
 * mapped to open / in progress / done / canceled, GitHub's open / closed / merged, W&B's run states. A
 * source state Nightjar does not map (a custom Notion status) is {@link #OTHER}.
 *
 * <p>There is one definition of finished: {@link #isFinished()}. A merged pull request and a closed GitHub
 * issue are finished as much as a done Linear issue: nothing more will happen to them, so they block
 * nothing and are no one's open work. (The brief once left merged and closed out while {@code ask} counted
 * them; a blocker closed on GitHub then still held its chain up in the brief.)
 */
public enum DocumentState {
    OPEN("open"),
    IN_PROGRESS("in_progress"),
    PAUSED("paused"),
    DONE("done"),
    CANCELED("canceled"),
    MERGED("merged"),
    CLOSED("closed"),
    /** A W&B run still writing. */
    RUNNING("running"),
    /** A W&B run that completed normally (not the same as {@link #isFinished()}, which crashed runs are too). */
    FINISHED("finished"),
    CRASHED("crashed"),
    FAILED("failed"),
    /** Any state Nightjar does not map, and no state at all. */
    OTHER(null);

    private final String label;

    DocumentState(String label) {
        this.label = label;
    }

    /** The stored text ({@code in_progress}); null for {@link #OTHER}. */
    public String label() {
        return label;
    }

    /** The state of the stored text {@code state}; {@link #OTHER} for null or an unmapped one. */
    public static DocumentState of(String state) {
        if (state == null) return OTHER;
        String s = state.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> s.equals(v.label)).findFirst().orElse(OTHER);
    }

    /** The state of {@code d}. */
    public static DocumentState of(Document d) {
        return of(d.state());
    }

    /** True when nothing more will happen: done, canceled, merged, closed, or a run that stopped. */
    public boolean isFinished() {
        return switch (this) {
            case DONE, CANCELED, MERGED, CLOSED, FINISHED, CRASHED, FAILED -> true;
            default -> false;
        };
    }

    /** True for work still to do or under way: open, in progress, paused, or a running run. */
    public boolean isOpen() {
        return switch (this) {
            case OPEN, IN_PROGRESS, PAUSED, RUNNING -> true;
            default -> false;
        };
    }
}
