package dev.nightjar.jobs;

import dev.nightjar.Workspace;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoreChanges;
import dev.nightjar.store.WriteResult;
import dev.nightjar.truth.TruthAssessor;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes normalized pages in the chunk's transaction: documents (new version only on a content
 * change), links, people, deletions, the stream cursor and the step's running counts all commit
 * together. After the commit the index catches up with the store.
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
        StoreChanges written = null;
        boolean contiguous = true;
        for (NormalizedPage page : chunk) {
            DocumentStore.Written w = ws.documents().writeBatch(page.normalized(), truth);
            WriteResult r = w.result();
            if (contiguous) {
                written = written == null ? w.changes() : written.then(w.changes());
                contiguous = written != null;
            }
            if (full) ws.documents().markSeen(page.normalized().documents().stream().map(d -> d.id().toString()).toList(), runId);
            PageItem p = page.page();
            if (p.nextCursor() != null) ws.cursors().put(p.source(), p.stream(), p.nextCursor(), ws.clock().instant());
            SourceCounts.add(ec, r, page.skips());
        }
        ec.putLong(SourceCounts.REQUESTS, requestBaseline + requests.requests());
        ec.putLong(SourceCounts.RETRIES, retryBaseline + requests.retries());
        // the index takes the chunk's documents from these writes once they commit (a replay from the store
        // when the pages' change numbers are not one run, which the store's write lock makes rare)
        StoreChanges toIndex = written;
        afterCommit(() -> {
            if (toIndex != null) ws.index().applyCommitted(toIndex, ws.documents());
            else ws.index().catchUp(ws.documents());
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        return stepExecution.getExitStatus();
    }

}
