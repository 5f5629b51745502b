package dev.nightjar.jobs;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.quartz.CronExpression;

/**
 * {@code jobs/nightly.yml}: when the nightly job runs (Quartz cron in a time zone), which sources it
 * reads, and who gets a brief.
 */
public record NightlySettings(String cron, String zone, List<String> sources, Briefs briefs) {

    public static final String FILE = "jobs/nightly.yml";

    public NightlySettings {
        sources = sources == null ? List.of() : List.copyOf(sources);
        briefs = briefs == null ? new Briefs(null, null, null) : briefs;
    }

    /** @param teams Linear team key → Slack channel for the team brief */
    public record Briefs(String deliverAt, List<String> people, Map<String, String> teams) {
        public Briefs {
            deliverAt = deliverAt == null ? "07:00" : deliverAt;
            people = people == null ? List.of() : List.copyOf(people);
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }

        public LocalTime deliveryTime() {
            try {
                return LocalTime.parse(deliverAt);
            } catch (DateTimeParseException e) {
                throw new ConfigException(FILE + ": briefs.deliver-at must be HH:MM, not '" + deliverAt + "'");
            }
        }
    }

    public static NightlySettings load(ConfigDir config) {
        NightlySettings s = config.readYaml(FILE, NightlySettings.class)
                .orElseThrow(() -> new ConfigException(FILE + " is missing"));
        s.validate(config.describe(FILE));
        return s;
    }

    void validate(String where) {
        if (cron == null || !CronExpression.isValidExpression(cron)) {
            throw new ConfigException(where + ": cron '" + cron + "' is not a valid Quartz cron expression (e.g. \"0 0 5 * * ?\")");
        }
        zoneId(where);
        briefs.deliveryTime();
    }

    public ZoneId zoneId(String where) {
        try {
            return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new ConfigException(where + ": zone '" + zone + "' is not a time zone (e.g. Asia/Seoul)");
        }
    }

    public ZoneId zoneId() {
        return zoneId(FILE);
    }
}
