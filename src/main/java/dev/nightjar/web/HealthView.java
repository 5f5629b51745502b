package dev.nightjar.web;

import dev.nightjar.store.DocumentCounts;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorRegistry;
import dev.nightjar.connectors.ConnectorSettings;
import dev.nightjar.connectors.slack.SlackSettings;
import dev.nightjar.store.RunStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The health view behind {@code GET /health}: what a monitor needs to tell "the process is up" (that is
 * {@code /healthz}) from "the nightly job and the Slack app actually work". It reports, per source of
 * {@code jobs/nightly.yml}, the last run that read it and its last success; how many store changes the
 * search index has not applied yet; and configuration that is missing (token and signing-secret
 * variables). Every finding that needs a human is also one line in {@code problems}; the status is
 * {@code ok} only when there is none.
 */
public final class HealthView {

    /** How many runs back to look for each source's last run and last success. */
    static final int RUN_HISTORY = 60;

    private HealthView() {
    }

    /** @param body the JSON object; {@code healthy} = no problem found */
    public record Report(boolean healthy, Map<String, Object> body) {
    }

    /**
     * @param scheduler the scheduler's state, or null when this process runs none
     */
    public static Report of(Workspace ws, ConnectorRegistry registry, Environment env, SchedulerState scheduler) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("checked_at", ws.clock().instant().toString());
        if (scheduler != null) {
            body.put("scheduler", scheduler.json());
            if (!scheduler.running()) problems.add("the scheduler is not running: no nightly run will start");
        }
        List<String> configured = configuredSources(ws, problems);
        body.put("sources", sources(ws, configured, problems));
        body.put("index", index(ws));
        List<String> missing = missingConfiguration(ws, registry, env, configured);
        body.put("missing_config", missing);
        problems.addAll(missing);
        body.put("problems", problems);
        if (!problems.isEmpty()) body.put("status", "degraded");
        return new Report(problems.isEmpty(), body);
    }

    /** Whether the Quartz scheduler runs and when the nightly job fires next. */
    public record SchedulerState(boolean running, Instant nextRun) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("running", running);
            m.put("next_run", nextRun == null ? null : nextRun.toString());
            return m;
        }
    }

    private static List<String> configuredSources(Workspace ws, List<String> problems) {
        try {
            return ws.nightly().sources();
        } catch (ConfigException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }

    private static Map<String, Object> sources(Workspace ws, List<String> configured, List<String> problems) {
        List<RunStore.Run> runs = ws.runs().recent(RUN_HISTORY); // newest first
        Map<String, Object> out = new LinkedHashMap<>();
        for (String source : configured) {
            RunStore.Run last = null;
            RunStore.SourceCounts lastCounts = null;
            Instant lastSuccess = null;
            for (RunStore.Run run : runs) {
                RunStore.SourceCounts c = run.sources().get(source);
                if (c == null) continue;
                if (last == null) {
                    last = run;
                    lastCounts = c;
                }
                if (lastSuccess == null && "COMPLETED".equals(c.status())) lastSuccess = run.endedAt() != null ? run.endedAt() : run.startedAt();
            }
            Map<String, Object> s = new LinkedHashMap<>();
            if (last == null) {
                s.put("last_run", null);
                problems.add(source + ": never synced (run `nightjar sync` or wait for the nightly run)");
            } else {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", last.id());
                r.put("status", lastCounts.status());
                r.put("started_at", last.startedAt().toString());
                r.put("ended_at", last.endedAt() == null ? null : last.endedAt().toString());
                r.put("new", lastCounts.created());
                r.put("changed", lastCounts.changed());
                r.put("requests", lastCounts.requests());
                s.put("last_run", r);
                if ("FAILED".equals(lastCounts.status())) {
                    problems.add(source + ": the last run (#" + last.id() + ") FAILED" + (last.message() == null ? "" : ": " + last.message()));
                }
            }
            s.put("last_success_at", lastSuccess == null ? null : lastSuccess.toString());
            out.put(source, s);
        }
        return out;
    }

    /** Store changes the index has not applied: what `ask` cannot find yet. */
    private static Map<String, Object> index(Workspace ws) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", ws.index().documentCount());
        m.put("behind_store", new DocumentCounts(ws.database()).changedAfter(ws.index().appliedSeq()));
        return m;
    }

    /** Token variables of enabled sources and the Slack signing secret, by the variable's name (never its value). */
    static List<String> missingConfiguration(Workspace ws, ConnectorRegistry registry, Environment env, List<String> configured) {
        List<String> missing = new ArrayList<>();
        for (String source : configured) {
            ConnectorSettings settings;
            try {
                settings = registry.factory(source).settings(ws.config());
            } catch (ConfigException e) {
                missing.add(e.getMessage());
                continue;
            }
            if (!settings.enabled()) continue;
            String variable = settings.tokenEnv();
            if (variable != null && env.find(variable).isEmpty()) {
                missing.add(variable + " is not set (token-env of connectors/" + source + ".yml): the " + source + " step will fail");
            }
        }
        try {
            SlackSettings slack = new dev.nightjar.connectors.slack.SlackConnectorFactory().settings(ws.config());
            String variable = slack.signingSecretEnv() == null ? "SLACK_SIGNING_SECRET" : slack.signingSecretEnv();
            if (env.find(variable).isEmpty()) {
                missing.add(variable + " is not set (signing-secret-env of connectors/slack.yml): every request to /slack/* is refused");
            }
        } catch (ConfigException e) {
            if (!missing.contains(e.getMessage())) missing.add(e.getMessage());
        }
        return missing;
    }
}
