package dev.nightjar.slack.briefs;

import dev.nightjar.store.ledgers.DeliveryLedger;
import dev.nightjar.Workspace;
import dev.nightjar.jobs.NightlySettings;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.slack.SlackUsers;
import dev.nightjar.slack.SlackWebApi;
import dev.nightjar.slack.blocks.BriefBlocks;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the morning briefs of {@code jobs/nightly.yml}: each person by DM at {@code deliver-at} in their
 * own Slack time zone, each team to its channel at {@code deliver-at} in the job's zone; once per local
 * day, at the first tick at or after that time and not while the nightly run is still writing. Called every few minutes by {@link BriefDeliveryJob}.
 */
public class BriefDeliverer {

    static final Duration WINDOW = Duration.ofDays(1);
    /** How long a brief waits for a nightly run still going; a run killed mid-way stays STARTED, so not forever. */
    static final Duration MAX_WAIT_FOR_RUN = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(BriefDeliverer.class);

    private final Workspace ws;
    private final NightlySettings settings;
    private final SlackUsers users;
    private final SlackWebApi slack;
    private final DeliveryLedger ledger;

    public BriefDeliverer(Workspace ws, NightlySettings settings, SlackUsers users, SlackWebApi slack, DeliveryLedger ledger) {
        this.ws = ws;
        this.settings = settings;
        this.users = users;
        this.slack = slack;
        this.ledger = ledger;
    }

    /** @return how many briefs were posted in this tick */
    public int deliverDue() {
        Instant now = ws.clock().instant();
        if (nightlyRunning(now)) {
            log.debug("the nightly run is still going; briefs wait for it");
            return 0;
        }
        int posted = 0;
        for (String email : settings.briefs().people()) {
            Optional<SlackUsers.SlackUser> user = users.byEmail(email);
            if (user.isEmpty()) continue;
            ZoneId zone = zone(user.get().timeZone());
            if (deliver("person:" + email.toLowerCase(Locale.ROOT), now, zone, user.get().id(),
                    () -> ws.skills().brief().forPerson(email, WINDOW))) posted++;
        }
        for (Map.Entry<String, String> team : settings.briefs().teams().entrySet()) {
            String key = team.getKey().trim().toUpperCase(Locale.ROOT);
            if (deliver("team:" + key, now, settings.zoneId(), team.getValue(), () -> ws.skills().brief().forTeam(key, WINDOW))) posted++;
        }
        return posted;
    }

    private boolean deliver(String audience, Instant now, ZoneId zone, String channel, Supplier<Brief> brief) {
        ZonedDateTime local = now.atZone(zone);
        if (local.toLocalTime().isBefore(settings.briefs().deliveryTime())) return false;
        LocalDate day = local.toLocalDate();
        if (!ledger.claim(audience, day)) return false;
        try {
            Map<String, Object> message = new LinkedHashMap<>(BriefBlocks.message(brief.get(), zone));
            message.put("channel", channel);
            message.put("unfurl_links", false);
            String ts = slack.postMessage(message);
            ledger.delivered(audience, day, ts);
            log.info("brief for {} of {} posted to {}", audience, day, channel);
            return true;
        } catch (RuntimeException e) {
            ledger.release(audience, day);
            log.warn("brief for {} of {} not posted, will retry: {}", audience, day, e.getMessage());
            return false;
        }
    }

    /** A brief built during the nightly run would mix yesterday's and today's data. */
    private boolean nightlyRunning(Instant now) {
        return ws.runs().recent(1).stream().anyMatch(r -> "STARTED".equals(r.status()) && r.startedAt().isAfter(now.minus(MAX_WAIT_FOR_RUN)));
    }

    /** A person's Slack zone; the job's zone when Slack gives none or one Java does not know. */
    private ZoneId zone(String slackTz) {
        if (slackTz == null || slackTz.isBlank()) return settings.zoneId();
        try {
            return ZoneId.of(slackTz);
        } catch (DateTimeException e) {
            return settings.zoneId();
        }
    }
}
