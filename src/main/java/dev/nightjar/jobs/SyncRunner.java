package dev.nightjar.jobs;

import dev.nightjar.store.RunLock;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.ConnectorRegistry;
import dev.nightjar.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the nightly job once: from `sync`, from the Quartz trigger of `serve`, and from `demo`. It takes
 * the run lock, resumes an interrupted run (same sources, same mode) through Spring Batch's restart,
 * or starts a new one, and leaves the outcome in the run history.
 */
public final class SyncRunner {

    private static final Logger log = LoggerFactory.getLogger(SyncRunner.class);

    private final Workspace ws;
    private final JobRepository repository;
    private final JobOperator operator;
    private final PlatformTransactionManager transactions;
    private final ConnectorRegistry registry;
    private final ConnectorContext context;

    public SyncRunner(Workspace ws, JobRepository repository, JobOperator operator, PlatformTransactionManager transactions,
                      ConnectorRegistry registry, ConnectorContext context) {
        this.ws = ws;
        this.repository = repository;
        this.operator = operator;
        this.transactions = transactions;
        this.registry = registry;
        this.context = context;
    }

    /** @param sources empty = the sources of jobs/nightly.yml */
    public record Request(List<String> sources, boolean full) {
    }

    /** @param resumed true when an interrupted run was continued rather than a new one started */
    public record Result(RunStore.Run run, boolean succeeded, boolean resumed, String message) {
    }

    public Result run(Request request, PipelineProgress progress) {
        List<Connector> connectors = connectors(request);
        String selection = String.join(",", connectors.stream().map(Connector::source).toList());
        RunLock lock = new RunLock(ws.database(), ws.clock(), NightlyJobFactory.JOB_NAME);
        Optional<RunLock.Held> held = lock.tryAcquire();
        if (held.isEmpty()) {
            RunLock.Holder h = lock.holder().orElse(null);
            throw new AlreadyRunningException("another sync is running" + (h == null ? "" : " (" + h.owner() + ", since " + h.since() + ")")
                    + "; wait for it to finish");
        }
        try (RunLock.Held ignored = held.get()) {
            Optional<RunStore.Run> interrupted = interruptedRun(selection, request.full());
            long runId = interrupted.map(RunStore.Run::id).orElseGet(() -> ws.runs().start(ws.clock().instant(), request.full(), selection));
            interrupted.ifPresent(r -> {
                ws.runs().resume(r.id());
                log.info("resuming interrupted run #{}", r.id());
            });
            JobParameters parameters = new JobParametersBuilder()
                    .addLong("run.id", runId)
                    .addString("sources", selection)
                    .addString("full", Boolean.toString(request.full()))
                    .toJobParameters();
            recoverIfKilled(parameters);
            Job job = new NightlyJobFactory(repository, transactions, ws, progress).build(connectors, runId, request.full());
            JobExecution execution;
            try {
                execution = operator.start(job, parameters);
            } catch (Exception e) {
                ws.runs().finish(runId, "FAILED", ws.clock().instant(), e.getMessage());
                throw new IllegalStateException("could not start the nightly job: " + e.getMessage(), e);
            } finally {
                progress.done();
            }
            boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
            String message = ok ? null : failureMessage(execution);
            ws.runs().finish(runId, ok ? "COMPLETED" : "FAILED", ws.clock().instant(), message);
            return new Result(ws.runs().find(runId).orElseThrow(), ok, interrupted.isPresent(), message);
        }
    }

    private List<Connector> connectors(Request request) {
        return connectors(ws.config(), ws.nightly().sources(), request, registry, context);
    }

    /**
     * The connectors a run of {@code request} reads: the requested sources, else {@code nightlySources} (those of
     * {@code jobs/nightly.yml}). {@code sync} calls this before it opens (and perhaps creates) the store, so a
     * configuration error leaves nothing behind on disk. Builds clients only; nothing is read from a source.
     *
     * @throws ConfigException every problem at once, one line each: a missing token variable, an unknown or disabled
     *                         source, or no enabled source at all
     */
    public static List<Connector> connectors(ConfigDir config, List<String> nightlySources, Request request, ConnectorRegistry registry,
                                             ConnectorContext context) {
        List<String> names = request.sources().isEmpty() ? nightlySources : request.sources();
        List<Connector> connectors = new ArrayList<>();
        List<String> problems = new ArrayList<>(); // every missing token at once, not one per try
        for (String name : names.stream().distinct().toList()) {
            try {
                ConnectorFactory factory = registry.factory(name);
                Optional<Connector> connector = factory.create(config, context);
                if (connector.isPresent()) connectors.add(connector.get());
                else if (!request.sources().isEmpty()) {
                    throw new ConfigException("source " + name + " is disabled (enabled: false in connectors/" + name + ".yml)");
                }
            } catch (ConfigException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new ConfigException(String.join("\n", problems));
        if (connectors.isEmpty()) {
            throw new ConfigException("no source is enabled: set enabled: true in connectors/<source>.yml and list it in jobs/nightly.yml");
        }
        return connectors;
    }

    /**
     * The last run, when its process died mid-way (still STARTED) and it read the same sources in the
     * same mode: Spring Batch restarts it, skipping the sources it completed. A run that FAILED is not
     * resumed: the next run reads every source again from the cursors the failed one committed, page
     * by page, so the failed source continues where it stopped and the others are not left a night behind.
     */
    private Optional<RunStore.Run> interruptedRun(String selection, boolean full) {
        return ws.runs().recent(1).stream()
                .filter(r -> "STARTED".equals(r.status()) && r.full() == full && selection.equals(r.sourceSelection()))
                .findFirst();
    }

    /** A run whose process was killed stays STARTED in the job repository; mark it FAILED so it can restart. */
    private void recoverIfKilled(JobParameters parameters) {
        JobExecution last = repository.getLastJobExecution(NightlyJobFactory.JOB_NAME, parameters);
        if (last != null && last.isRunning()) {
            log.warn("nightly run #{} was interrupted (its process died); recovering it", parameters.getLong("run.id"));
            operator.recover(last);
        }
    }

    private static String failureMessage(JobExecution execution) {
        List<String> messages = new ArrayList<>();
        for (Throwable t : execution.getAllFailureExceptions()) {
            String m = RunRecorder.message(t);
            if (t instanceof PipelineFailedException || messages.stream().noneMatch(x -> x.contains(m))) messages.add(m);
        }
        // the verdict names every failed source; prefer it over the individual step errors it repeats
        return messages.stream().filter(m -> m.contains(" failed: ")).findFirst()
                .orElse(messages.isEmpty() ? execution.getStatus().toString() : String.join("; ", messages));
    }

    /** Another process (or thread) holds the run lock. */
    public static class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException(String message) {
            super(message);
        }
    }
}
