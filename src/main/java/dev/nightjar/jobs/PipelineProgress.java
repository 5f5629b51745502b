package dev.nightjar.jobs;

import dev.nightjar.connectors.RequestStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Per-source progress while the nightly job runs: records read, HTTP requests and retries (each one a
 * wait: a rate limit's Retry-After or a back-off). Records are what the source's API returned (a Linear
 * issue page, a Notion block list, a Slack reply page), not stored documents: several records can make
 * one document and some make none, so the run's table of new/changed documents differs on purpose and
 * the live line says "read" to keep the two apart. On a terminal one line is redrawn in place; otherwise
 * (a log, a pipe) a plain line per source when its counts changed, at most every {@link #PLAIN_EVERY}
 * and once at the end; silent for machine output. Thread-safe: the source steps run in parallel.
 */
public final class PipelineProgress {

    /** How often a terminal line is redrawn. */
    static final Duration REDRAW_EVERY = Duration.ofMillis(500);
    /** How often a plain line per source is written when not on a terminal. */
    static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private enum Mode { SILENT, LIVE, PLAIN }

    private record Counts(long pages, long records, long requests, long waits) {
        String text() {
            return String.format("%d records read, %d requests, %d waits", records, requests, waits);
        }
    }

    private final Mode mode;
    private final PrintWriter out;
    private final LongSupplier nanos;
    private final Map<String, Counts> bySource = new TreeMap<>();
    private final Map<String, Counts> lastPrinted = new TreeMap<>();
    private long lastPrint;

    private PipelineProgress(Mode mode, PrintWriter out, LongSupplier nanos) {
        this.mode = mode;
        this.out = out;
        this.nanos = nanos;
        this.lastPrint = nanos.getAsLong();
    }

    public static PipelineProgress silent() {
        return new PipelineProgress(Mode.SILENT, null, System::nanoTime);
    }

    /** One line redrawn in place ({@code \r}), for a terminal. */
    public static PipelineProgress to(PrintWriter out) {
        return new PipelineProgress(Mode.LIVE, out, System::nanoTime);
    }

    /** Plain lines, for a log or a pipe. */
    public static PipelineProgress lines(PrintWriter out) {
        return lines(out, System::nanoTime);
    }

    static PipelineProgress lines(PrintWriter out, LongSupplier nanos) {
        return new PipelineProgress(Mode.PLAIN, out, nanos);
    }

    /** One page read by {@code source}'s connector; {@code stats} are its totals so far. */
    synchronized void page(String source, int records, RequestStats stats) {
        Counts c = bySource.getOrDefault(source, new Counts(0, 0, 0, 0));
        bySource.put(source, new Counts(c.pages() + 1, c.records() + records, stats.requests(), stats.retries()));
        if (mode == Mode.SILENT) return;
        long now = nanos.getAsLong();
        long every = (mode == Mode.LIVE ? REDRAW_EVERY : PLAIN_EVERY).toNanos();
        if (now - lastPrint < every) return;
        lastPrint = now;
        if (mode == Mode.LIVE) redraw();
        else printChanged();
    }

    /** The job ended: clear the live line, or write each source's final counts. */
    synchronized void done() {
        if (mode == Mode.LIVE && !bySource.isEmpty()) {
            out.print("\r\033[K");
            out.flush();
        } else if (mode == Mode.PLAIN) {
            printChanged();
        }
    }

    private void redraw() {
        StringBuilder sb = new StringBuilder("\r\033[K");
        bySource.forEach((s, c) -> sb.append(s).append(' ').append(c.records()).append(" read ").append(c.requests()).append(" req ")
                .append(c.waits()).append(" waits   "));
        out.print(sb);
        out.flush();
    }

    private void printChanged() {
        bySource.forEach((s, c) -> {
            if (!c.equals(lastPrinted.get(s))) {
                out.println("sync: " + s + ": " + c.text());
                lastPrinted.put(s, c);
            }
        });
        out.flush();
    }
}
