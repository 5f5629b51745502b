package dev.nightjar.jobs;

import dev.nightjar.store.RunLock;
import dev.nightjar.Workspace;
import dev.nightjar.store.RunStore;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

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
        return ws.nightly();
    }

    @Bean
    JobDetail nightlyJobDetail() {
        // requestRecovery: in a cluster, the job a killed node was running is fired again on another node
        return JobBuilder.newJob(NightlyQuartzJob.class).withIdentity(JOB).storeDurably().requestRecovery().build();
    }

    /** With an external database the schedule is Quartz's clustered JDBC store (see {@link ClusteredScheduler}). */
    @Bean
    SchedulerFactoryBeanCustomizer clusteredJobStore(Workspace ws, PlatformTransactionManager transactions) {
        return factory -> ClusteredScheduler.configure(factory, ws.database(), transactions);
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

    /** The change feed driven on a timer: other nodes' writes, and a follower a crash left behind (see {@link FeedTimer}). */
    @Bean(destroyMethod = "close")
    AutoCloseable feedTimer(Workspace ws) {
        return new FeedTimer(ws.feed(), new dev.nightjar.store.PeopleStore(ws.database()));
    }

    @Bean
    ApplicationRunner catchUpMissedRun(Scheduler scheduler, Workspace ws, NightlySettings settings) {
        return args -> {
            Optional<java.time.Instant> last = ws.runs().recent(1).stream().map(RunStore.Run::startedAt).findFirst();
            Optional<java.time.Instant> missed = MissedRuns.missed(settings.cron(), settings.zoneId().getId(), last, ws.clock().instant());
            if (missed.isPresent() && new RunLock(ws.database(), ws.clock(), NightlyJobFactory.JOB_NAME).holder().isPresent()) {
                // a run is going (another node's, or one Quartz will recover): that is the run due, not a missed one
                log.info("a nightly run is in progress; not catching up the run due at {}", missed.get());
            } else if (missed.isPresent()) {
                log.info("the nightly run due at {} did not happen; running it now", missed.get());
                try {
                    // named after the last run: nodes of a cluster starting together see the same one and schedule it once
                    String after = ws.runs().recent(1).stream().map(r -> Long.toString(r.id())).findFirst().orElse("none");
                    scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(JOB).withIdentity("catch-up-after-run:" + after)
                            .startNow().build());
                } catch (ObjectAlreadyExistsException e) {
                    log.info("another node already catches up the run due at {}", missed.get());
                } catch (SchedulerException e) {
                    log.error("could not start the missed nightly run: {}", e.getMessage());
                }
            }
        };
    }
}
