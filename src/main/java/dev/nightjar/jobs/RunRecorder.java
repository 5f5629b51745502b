package dev.nightjar.jobs;

import dev.nightjar.connectors.RequestStats;
import dev.nightjar.store.RunStore;
import java.time.Duration;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records a source step's outcome and counts in the run history `status` shows. Requests and retries
 * are taken from the connector here, at the end of the step, so a source that fails before its first
 * page is written still shows what it sent.
 */
final class RunRecorder implements StepExecutionListener {

    private final RunStore runs;
    private final String source;
    private final long runId;
    private final RequestStats requests;
    private long requestBaseline, retryBaseline;

    RunRecorder(RunStore runs, String source, long runId, RequestStats requests) {
        this.runs = runs;
        this.source = source;
        this.runId = runId;
        this.requests = requests;
    }

    @Override
    public void beforeStep(StepExecution step) {
        // a restarted step continues the counts its failed attempt saved
        requestBaseline = step.getExecutionContext().getLong(SourceCounts.REQUESTS, 0L);
        retryBaseline = step.getExecutionContext().getLong(SourceCounts.RETRIES, 0L);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        step.getExecutionContext().putLong(SourceCounts.REQUESTS, requestBaseline + requests.requests());
        step.getExecutionContext().putLong(SourceCounts.RETRIES, retryBaseline + requests.retries());
        boolean failed = step.getStatus() != BatchStatus.COMPLETED && !step.getFailureExceptions().isEmpty();
        String error = failed ? step.getFailureExceptions().stream().map(RunRecorder::message).distinct()
                .collect(Collectors.joining("; ")) : null;
        long millis = step.getStartTime() == null ? 0 : Duration.between(step.getStartTime(),
                step.getEndTime() != null ? step.getEndTime() : java.time.LocalDateTime.now()).toMillis();
        runs.recordSource(runId, SourceCounts.of(source, failed ? "FAILED" : "COMPLETED", step.getExecutionContext(), millis, error));
        return step.getExitStatus();
    }

    /** The operator-facing message: ours (ConnectorException, ...) rather than Spring Batch's wrappers. */
    static String message(Throwable t) {
        Throwable best = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof dev.nightjar.connectors.ConnectorException || c instanceof PipelineFailedException) return c.getMessage();
            if (c.getMessage() != null) best = c;
        }
        return best.getMessage() == null ? best.getClass().getSimpleName() : best.getMessage();
    }
}
