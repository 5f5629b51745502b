package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.store.WriteResult;
import dev.nightjar.truth.TruthAssessor;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes normalized pages in the chunk's transaction: documents (new version only on a content
 * change), links, people, deletions, the stream cursor and the step's running counts all commit
 * together. After the commit the store's change feed brings
 * the index and the decision log up to date.
 */
final class StoreWriter implements ItemWriter<NormalizedPage>, StepExecutionListener {

    private final Workspace ws;
    private final TruthAssessor truth;
    private final RequestStats requests;
    private final long runId;
    private final boolean full;
    private StepExecution step;
    private long requestBaseline, retryBaseline;

    StoreWriter(Workspace ws, RequestStats requests, long runId, boolean full) {
        this.ws = ws;
        this.truth = new TruthAssessor(ws.truthPolicy(), ws.canonicalMarks(), ws.clock());
        this.requests = requests;
        this.runId = runId;
        this.full = full;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
        ExecutionContext ec = stepExecution.getExecutionContext();
        // a restarted step continues the counts its failed attempt saved
        requestBaseline = ec.getLong(SourceCounts.REQUESTS, 0L);
        retryBaseline = ec.getLong(SourceCounts.RETRIES, 0L);
    }

    @Override
    public void write(Chunk<? extends NormalizedPage> chunk) {
        ExecutionContext ec = step.getExecutionContext();
        for (NormalizedPage page : chunk) {
            WriteResult r = ws.documents().write(page.normalized(), truth);
            if (full) ws.documents().markSeen(page.normalized().documents().stream().map(d -> d.id().toString()).toList(), runId);
            PageItem p = page.page();
            if (p.nextCursor() != null) ws.cursors().put(p.source(), p.stream(), p.nextCursor(), ws.clock().instant());
            SourceCounts.add(ec, r, page.skips());
        }
        ec.putLong(SourceCounts.REQUESTS, requestBaseline + requests.requests());
        ec.putLong(SourceCounts.RETRIES, retryBaseline + requests.retries());
        // the change feed hands the chunk's documents to the index (and the decision log) once it commits
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        return stepExecution.getExitStatus();
    }

}
