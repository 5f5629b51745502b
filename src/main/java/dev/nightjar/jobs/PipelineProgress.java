package dev.nightjar.jobs;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Per-source progress (pages, records) on a terminal while `sync` runs; silent otherwise. */
public final class PipelineProgress {

    private final PrintWriter out;
    private final Map<String, long[]> bySource = new ConcurrentHashMap<>();
    private final AtomicLong lastPrint = new AtomicLong();

    private PipelineProgress(PrintWriter out) {
        this.out = out;
    }

    public static PipelineProgress silent() {
        return new PipelineProgress(null);
    }

    public static PipelineProgress to(PrintWriter out) {
        return new PipelineProgress(out);
    }

    void page(String source, String stream, int records) {
        long[] counts = bySource.computeIfAbsent(source, s -> new long[2]);
        synchronized (counts) {
            counts[0]++;
            counts[1] += records;
        }
        if (out == null) return;
        long now = System.nanoTime();
        long last = lastPrint.get();
        if (now - last > 500_000_000L && lastPrint.compareAndSet(last, now)) {
            StringBuilder sb = new StringBuilder("\r");
            bySource.forEach((s, c) -> sb.append(s).append(' ').append(c[0]).append(" pages/").append(c[1]).append(" records  "));
            synchronized (out) {
                out.print(sb);
                out.flush();
            }
        }
    }

    void done() {
        if (out != null && !bySource.isEmpty()) {
            synchronized (out) {
                out.print("\r\033[K");
                out.flush();
            }
        }
    }
}
