package dev.nightjar.slack.briefs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/** The Quartz tick (every few minutes) that posts the briefs now due; one tick at a time. */
@DisallowConcurrentExecution
public class BriefDeliveryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(BriefDeliveryJob.class);

    @Autowired
    BriefDeliverer deliverer;

    @Override
    public void execute(JobExecutionContext context) {
        try {
            deliverer.deliverDue();
        } catch (RuntimeException e) {
            // A broken tick must not unschedule the job; the next one retries.
            log.error("brief delivery failed: {}", e.toString());
        }
    }
}
