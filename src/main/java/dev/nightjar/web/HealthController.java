package dev.nightjar.web;

import java.util.Map;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /healthz}: 200 {"status":"ok"} once the scheduler runs (the contract of `serve`). */
@RestController
public class HealthController {

    private final Scheduler scheduler;

    public HealthController(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @GetMapping(value = "/healthz", produces = "application/json")
    public ResponseEntity<Map<String, String>> health() throws SchedulerException {
        boolean ready = scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        return ready ? ResponseEntity.ok(Map.of("status", "ok")) : ResponseEntity.status(503).body(Map.of("status", "starting"));
    }
}
