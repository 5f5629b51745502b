package dev.nightjar.jobs;

import java.util.List;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Quartz trigger fires: one run of the nightly job. Quartz never runs two at once in this
 * process ({@link DisallowConcurrentExecution}); the run lock in {@link SyncRunner} covers other processes.
 */
@DisallowConcurrentExecution
public class NightlyQuartzJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(NightlyQuartzJob.class);

    @Autowired
    private SyncRunner runner;

    @Override
    public void execute(JobExecutionContext context) {
        // the scheduled time names the fire across nodes; a recovery re-fires the time a killed node was running
        log.info("nightly job fired ({}, due {}{})", context.getTrigger().getKey(),
                context.getScheduledFireTime() == null ? "now" : context.getScheduledFireTime().toInstant(),
                context.isRecovering() ? ", recovering the run of a node that died" : "");
        try {
            SyncRunner.Result result = runner.run(new SyncRunner.Request(List.of(), false), PipelineProgress.silent());
            if (result.succeeded()) log.info("nightly run #{} completed", result.run().id());
            else log.error("nightly run #{} failed: {}", result.run().id(), result.message());
        } catch (SyncRunner.AlreadyRunningException e) {
            log.warn("nightly job skipped: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("nightly job could not run: {}", e.getMessage(), e);
        }
    }
}
