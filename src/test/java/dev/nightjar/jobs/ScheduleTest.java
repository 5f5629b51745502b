package dev.nightjar.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.config.ConfigDir;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    final JobDetail job = JobBuilder.newJob(NightlyQuartzJob.class).withIdentity("nightly").build();

    @Test
    void theTriggerFromNightlyYamlFiresAtFiveInSeoul() {
        NightlySettings settings = new NightlySettings("0 0 5 * * ?", "Asia/Seoul", List.of("linear"), null);
        // the trigger starts at the injected clock's now, not at the day the suite runs
        Trigger trigger = ScheduleConfiguration.trigger(job, settings,
                java.time.Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), java.time.ZoneOffset.UTC));
        Date next = trigger.getFireTimeAfter(Date.from(Instant.parse("2026-11-25T00:00:00Z")));
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-25T20:00:00Z")); // 05:00 KST on the 26th
        assertThat(trigger.getMisfireInstruction()).isEqualTo(org.quartz.CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
    }

    @Test
    void theFirstFireFollowsTheInjectedClockNotTheDayTheSuiteRuns() {
        NightlySettings settings = new NightlySettings("0 0 5 * * ?", "Asia/Seoul", List.of("linear"), null);
        Instant aYearAhead = Instant.parse("2027-11-25T00:00:00Z");
        Trigger trigger = ScheduleConfiguration.trigger(job, settings, java.time.Clock.fixed(aYearAhead, java.time.ZoneOffset.UTC));
        assertThat(trigger.getStartTime().toInstant()).isEqualTo(aYearAhead);
        assertThat(trigger.getFireTimeAfter(java.util.Date.from(aYearAhead)).toInstant()).isEqualTo(Instant.parse("2027-11-25T20:00:00Z"));
    }

    @Test
    void theBundledDefaultIsValid() {
        NightlySettings s = NightlySettings.load(new ConfigDir(java.nio.file.Path.of("does-not-exist")));
        assertThat(s.zoneId().getId()).isEqualTo("Asia/Seoul");
        assertThat(s.briefs().deliveryTime()).hasToString("07:00");
    }

    @Test
    void aRunMissedWhileTheMachineWasDownIsDetectedOnce() {
        String cron = "0 0 5 * * ?";
        Instant now = Instant.parse("2026-11-25T23:00:00Z"); // 08:00 KST on the 26th
        // last run at 05:00 KST on the 25th: the run at 05:00 KST on the 26th (20:00Z on the 25th) was missed
        assertThat(MissedRuns.missed(cron, "Asia/Seoul", Optional.of(Instant.parse("2026-11-24T20:00:05Z")), now))
                .contains(Instant.parse("2026-11-25T20:00:00Z"));
        // the run of the 26th happened: nothing to catch up
        assertThat(MissedRuns.missed(cron, "Asia/Seoul", Optional.of(Instant.parse("2026-11-25T20:00:03Z")), now)).isEmpty();
        // never ran: run once at start-up
        assertThat(MissedRuns.missed(cron, "Asia/Seoul", Optional.empty(), now)).contains(now);
    }

    @Test
    void badScheduleSettingsAreOneClearLine() {
        var bad = new NightlySettings("every night", "UTC", List.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bad.validate("jobs/nightly.yml"))
                .hasMessageContaining("not a valid Quartz cron expression");
        var zone = new NightlySettings("0 0 5 * * ?", "Mars/Olympus", List.of(), null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> zone.validate("jobs/nightly.yml"))
                .hasMessageContaining("is not a time zone");
    }
}
