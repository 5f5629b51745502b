package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import dev.nightjar.store.RunStore;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Quartz schedule of `serve`: the cron and zone of {@code jobs/nightly.yml}; a misfire (the
 * scheduler was paused past the time) fires once now; at start-up a run missed while the machine was
 * down fires once.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScheduleConfiguration.class);
    static final String JOB = "nightly";

    @Bean
    NightlySettings nightlySettings(Workspace ws) {
        return NightlySettings.load(ws.config());
    }

    @Bean
    JobDetail nightlyJobDetail() {
        return JobBuilder.newJob(NightlyQuartzJob.class).withIdentity(JOB).storeDurably().build();
    }

    @Bean
    Trigger nightlyTrigger(JobDetail nightlyJobDetail, NightlySettings settings, Workspace ws) {
        return trigger(nightlyJobDetail, settings, ws.clock());
    }

    /**
     * The cron trigger of {@code settings}, starting at {@code clock}'s now. The start time is taken
     * from the injected clock (not Quartz's own {@code new Date()}) so a test fixes it and the first
     * fire time does not depend on the day the suite runs.
     */
    static Trigger trigger(JobDetail job, NightlySettings settings, java.time.Clock clock) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(JOB)
                .startAt(java.util.Date.from(clock.instant()))
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.cron())
                        .inTimeZone(TimeZone.getTimeZone(settings.zoneId()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    @Bean
    ApplicationRunner catchUpMissedRun(Scheduler scheduler, Workspace ws, NightlySettings settings) {
        return args -> {
            Optional<java.time.Instant> last = ws.runs().recent(1).stream().map(RunStore.Run::startedAt).findFirst();
            Optional<java.time.Instant> missed = MissedRuns.missed(settings.cron(), settings.zoneId().getId(), last, ws.clock().instant());
            if (missed.isPresent()) {
                log.info("the nightly run due at {} did not happen; running it now", missed.get());
                try {
                    scheduler.triggerJob(nightlyJobDetail().getKey());
                } catch (SchedulerException e) {
                    log.error("could not start the missed nightly run: {}", e.getMessage());
                }
            }
        };
    }
}
