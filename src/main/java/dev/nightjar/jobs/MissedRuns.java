package dev.nightjar.jobs;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Whether the nightly job missed a scheduled time while nothing was running (the machine was down).
 * Quartz's own misfire handling only knows about triggers it stored; with the in-memory job store a
 * restarted scheduler has forgotten them, so `serve` asks this at start-up and fires once if needed.
 */
public final class MissedRuns {

    private MissedRuns() {
    }

    /**
     * @param lastRunStart when the last run started, empty when there never was one
     * @return the scheduled time that was missed, if any (a first start with no run history counts as
     *         missed, so a fresh `serve` has data before its first night)
     */
    public static Optional<Instant> missed(String cron, String zone, Optional<Instant> lastRunStart, Instant now) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron " + cron, e);
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        if (lastRunStart.isEmpty()) return Optional.of(now);
        Date next = expression.getTimeAfter(Date.from(lastRunStart.get()));
        return next != null && next.toInstant().isBefore(now) ? Optional.of(next.toInstant()) : Optional.empty();
    }
}
