package dev.nightjar.web;

import dev.nightjar.Workspace;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorRegistry;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and health of `serve`. {@code GET /healthz} is liveness, as pinned in the contracts: 200
 * {"status":"ok"} once the scheduler runs, whatever the last run did. {@code GET /health} is the
 * health view a monitor reads ({@link HealthView}): 200 with {@code "status":"ok"}, or 503 with
 * {@code "status":"degraded"} and one line per problem (a failed source, a missing token or signing
 * secret, a source never synced).
 */
@RestController
public class HealthController {

    /** The Quartz job of the nightly run (ScheduleConfiguration names it so). */
    static final JobKey NIGHTLY = JobKey.jobKey("nightly");

    private final Scheduler scheduler;
    private final Workspace ws;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;

    public HealthController(Scheduler scheduler, Workspace ws, ConnectorRegistry registry, ConnectorContext context) {
        this.scheduler = scheduler;
        this.ws = ws;
        this.registry = registry;
        this.context = context;
    }

    @GetMapping(value = "/healthz", produces = "application/json")
    public ResponseEntity<Map<String, String>> health() throws SchedulerException {
        return running() ? ResponseEntity.ok(Map.of("status", "ok")) : ResponseEntity.status(503).body(Map.of("status", "starting"));
    }

    @GetMapping(value = "/health", produces = "application/json")
    public ResponseEntity<Map<String, Object>> healthView() throws SchedulerException {
        HealthView.Report report = HealthView.of(ws, registry, context.env(), new HealthView.SchedulerState(running(), nextRun()));
        return ResponseEntity.status(report.healthy() ? 200 : 503).body(report.body());
    }

    private boolean running() throws SchedulerException {
        return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
    }

    private Instant nextRun() throws SchedulerException {
        List<? extends Trigger> triggers = scheduler.checkExists(NIGHTLY) ? scheduler.getTriggersOfJob(NIGHTLY) : List.of();
        return triggers.stream().map(Trigger::getNextFireTime).filter(Objects::nonNull).min(Date::compareTo).map(Date::toInstant).orElse(null);
    }
}
