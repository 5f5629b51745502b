package dev.nightjar.connectors;

import java.util.concurrent.atomic.AtomicLong;

/** Counts a connector's HTTP traffic; shared by its client and read by the job's summary. */
public final class RequestStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();

    public void request() { requests.incrementAndGet(); }
    public void retry() { retries.incrementAndGet(); }
    public void notModified() { notModified.incrementAndGet(); }

    /** Every HTTP request sent, including retries and 304s. */
    public long requests() { return requests.get(); }
    public long retries() { return retries.get(); }
    /** Conditional requests answered 304 (GitHub: these cost no rate limit). */
    public long notModifiedCount() { return notModified.get(); }
}
