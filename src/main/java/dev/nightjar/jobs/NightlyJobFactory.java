package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import dev.nightjar.connectors.Connector;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the "nightly" job for a set of connectors:
 * <pre>
 *   split (parallel): one chunk step per source   source:linear | source:github | ...
 *   reconcile:  deletions (full runs: documents the source no longer lists)
 *   truth:      rules, admin marks, staleness, supersession
 *   notes:      the change feed driven (a follower a failure left behind), the index compacted, and a
 *               structured note per changed scratchpad-channel thread
 * Every store write of every step is followed by the change feed (index, decision log) once it commits.
 *   verdict:    FAILED when any source failed (the others' data is kept and processed)
 * </pre>
 * Restart policy: a source step is chunk-oriented with one page per chunk; its reader's position is
 * in the step's ExecutionContext, so a restart resumes after the last committed page, and a source
 * that completed is not read again. reconcile, truth and verdict always run again on restart.
 * Skip policy: per record, in {@link NormalizeProcessor}; a failing page (HTTP, store) fails the step.
 */
final class NightlyJobFactory {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NightlyJobFactory.class);

    static final String JOB_NAME = "nightly";
    static final String SOURCE_STEP_PREFIX = "source:";

    private final JobRepository repository;
    private final PlatformTransactionManager transactions;
    private final Workspace ws;
    private final PipelineProgress progress;

    NightlyJobFactory(JobRepository repository, PlatformTransactionManager transactions, Workspace ws, PipelineProgress progress) {
        this.repository = repository;
        this.transactions = transactions;
        this.ws = ws;
        this.progress = progress;
    }

    Job build(List<Connector> connectors, long runId, boolean full) {
        List<Flow> flows = new ArrayList<>();
        for (Connector c : connectors) {
            flows.add(new FlowBuilder<SimpleFlow>("flow:" + c.source()).start(sourceStep(c, runId, full)).on("*").end().build());
        }
        SimpleAsyncTaskExecutor parallel = new SimpleAsyncTaskExecutor("nightjar-sync-");
        parallel.setConcurrencyLimit(Math.max(1, connectors.size()));
        Flow sources = new FlowBuilder<SimpleFlow>("sources").split(parallel).add(flows.toArray(Flow[]::new)).build();
        return new JobBuilder(JOB_NAME, repository)
                .start(sources)
                .next(reconcileStep(connectors, runId, full))
                .next(truthStep())
                .next(notesStep())
                .next(radarStep())
                .next(verdictStep())
                .end()
                .build();
    }

    private Step sourceStep(Connector connector, long runId, boolean full) {
        StoreWriter writer = new StoreWriter(ws, connector.stats(), runId, full);
        return new StepBuilder(SOURCE_STEP_PREFIX + connector.source(), repository)
                .<PageItem, NormalizedPage>chunk(1)
                .reader(new ConnectorPageReader(connector, ws.cursors(), full, progress))
                .processor(new NormalizeProcessor(connector.normalizer()))
                .writer(writer)
                .listener(writer)
                .listener(new RunRecorder(ws.runs(), connector.source(), runId, connector.stats()))
                .transactionManager(transactions)
                .build();
    }

    private Step reconcileStep(List<Connector> connectors, long runId, boolean full) {
        return new StepBuilder("reconcile", repository).tasklet((contribution, chunk) -> {
            if (full) {
                for (Connector c : connectors) {
                    if (sourceCompleted(chunk.getStepContext().getStepExecution(), c.source())) {
                        int gone = ws.documents().deleteUnseen(c.source(), runId);
                        if (gone > 0) ws.runs().addDeleted(runId, c.source(), gone);
                    }
                }
            }
            // identity resolution: a join by name alone is reported, never silent (also in `status`)
            var join = ws.people().join();
            join.nameMatches().forEach(m -> log.info("people: {} joined to {} by the name \"{}\"", m.identity(), m.email(), m.name()));
            join.ambiguous().forEach(a -> log.info("people: {} not joined: the name \"{}\" belongs to {}", a.identity(), a.name(), a.emails()));
            return RepeatStatus.FINISHED;
        }, transactions).allowStartIfComplete(true).build();
    }

    private Step truthStep() {
        return new StepBuilder("truth", repository).tasklet((contribution, chunk) -> {
            ws.truthRefresher().refresh(); // the change feed takes the truth changes when this step commits
            return RepeatStatus.FINISHED;
        }, transactions).allowStartIfComplete(true).build();
    }

    private Step notesStep() {
        return new StepBuilder("notes", repository).tasklet((contribution, chunk) -> {
            // the truth step's changes are followed by now (its transaction committed): compact before the notes
            ws.feed().drive();
            ws.index().compact();
            // notes come from scratchpad threads; the feed follows them when this step commits
            ws.skills().scratchpad().refreshFromChannels();
            return RepeatStatus.FINISHED;
        }, transactions).allowStartIfComplete(true).build();
    }

    /** New papers matched to projects and PRDs (after truth, so canonical PRDs are known); a no-op without papers. */
    private Step radarStep() {
        return new StepBuilder("radar", repository).tasklet((contribution, chunk) -> {
            dev.nightjar.skills.radar.Radar.refresh(ws);
            return RepeatStatus.FINISHED;
        }, transactions).allowStartIfComplete(true).build();
    }

    private Step verdictStep() {
        return new StepBuilder("verdict", repository).tasklet((contribution, chunk) -> {
            List<String> failed = new ArrayList<>();
            for (StepExecution s : chunk.getStepContext().getStepExecution().getJobExecution().getStepExecutions()) {
                if (s.getStepName().startsWith(SOURCE_STEP_PREFIX) && s.getStatus() != BatchStatus.COMPLETED) {
                    String source = s.getStepName().substring(SOURCE_STEP_PREFIX.length());
                    String why = s.getFailureExceptions().isEmpty() ? s.getStatus().toString()
                            : RunRecorder.message(s.getFailureExceptions().get(0));
                    // the connector's message starts with its source; say it once
                    if (why.startsWith(source + ": ")) why = why.substring(source.length() + 2);
                    failed.add(source + " failed: " + why);
                }
            }
            if (!failed.isEmpty()) throw new PipelineFailedException(String.join("; ", failed));
            return RepeatStatus.FINISHED;
        }, transactions).allowStartIfComplete(true).build();
    }

    private static boolean sourceCompleted(StepExecution current, String source) {
        return current.getJobExecution().getStepExecutions().stream()
                .anyMatch(s -> s.getStepName().equals(SOURCE_STEP_PREFIX + source) && s.getStatus() == BatchStatus.COMPLETED);
    }
}
