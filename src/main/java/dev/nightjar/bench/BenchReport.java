package dev.nightjar.bench;

import dev.nightjar.store.RunStore;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures as Markdown tables, ready for BENCHMARKS.md; parts not run are left out. */
final class BenchReport {

    private BenchReport() {
    }

    /** Any argument may be null (that part was not run). */
    static String markdown(IndexBenchmark.Result r, StartupBenchmark.Result s, SyncBenchmark.Result sync) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | Nightjar | baseline (same process, same data) | ratio |\n|---|---|---|---|\n");
        if (r != null) index(sb, r);
        if (sync != null) incremental(sb, sync);
        if (s != null) {
            row(sb, "cold start `status` vs `--version` (median of " + s.runs() + ", ms)", f("%.0f", s.statusMedianMs()),
                    f("%.0f", s.versionMedianMs()), f("%.2f×", s.statusMedianMs() / s.versionMedianMs()));
        }
        if (sync != null) http(sb.append('\n'), sync);
        return sb.toString();
    }

    private static void index(StringBuilder sb, IndexBenchmark.Result r) {
        double ours = r.docs() / r.oursSeconds(), raw = r.docs() / r.rawSeconds();
        row(sb, "index throughput (docs/s), normalize+store+index vs raw IndexWriter", f("%,.0f", ours), f("%,.0f", raw),
                f("%.2f×", ours / raw));
        row(sb, "  where our time goes: H2 upsert / Lucene update", f("%.1f s / %.1f s", r.storeSeconds(), r.indexSeconds()),
                f("%.1f s", r.rawSeconds()), "");
        row(sb, "ask retrieval p50 (ms) vs raw IndexSearcher", f("%.2f", r.oursLatencyMs()[0]), f("%.2f", r.rawLatencyMs()[0]),
                f("%.2f×", r.oursLatencyMs()[0] / r.rawLatencyMs()[0]));
        row(sb, "ask retrieval p99 (ms) vs raw IndexSearcher", f("%.2f", r.oursLatencyMs()[1]), f("%.2f", r.rawLatencyMs()[1]),
                f("%.2f×", r.oursLatencyMs()[1] / r.rawLatencyMs()[1]));
        row(sb, "index size on disk (MiB) vs raw", f("%.1f", r.oursBytes() / 1048576.0), f("%.1f", r.rawBytes() / 1048576.0),
                f("%.2f×", (double) r.oursBytes() / r.rawBytes()));
        row(sb, "rebuild from store: time, peak heap", f("%.1f s, %d MiB", r.rebuildSeconds(), r.rebuildPeakHeap() >> 20), "", "");
    }

    private static void incremental(StringBuilder sb, SyncBenchmark.Result y) {
        int edited = y.edited().values().stream().mapToInt(Integer::intValue).sum();
        double inc = y.incrementalMedianSeconds(), full = y.fullMedianSeconds();
        row(sb, f("sandbox sync wall time (s), %d of %d records changed (~1%%) vs `--full`, median of %d", edited, y.documents(),
                y.incremental().size()), f("%.2f", inc), f("%.2f", full), f("%.2f×", inc / full));
        long incRequests = total(y.incremental().getLast().http()), fullRequests = total(y.full().getLast().http());
        row(sb, "  requests of those syncs (last round)", f("%d", incRequests), f("%d", fullRequests),
                f("%.2f×", (double) incRequests / fullRequests));
        row(sb, "  documents written new/changed by the ~1% sync, per round", joined(y.incrementalWrites()), "", "");
        long firstRequests = total(y.first().http()), floor = y.floor().values().stream().mapToLong(Long::longValue).sum();
        row(sb, "HTTP requests of a full sync vs Σ ceil(items / max page size), all sources", f("%d", firstRequests),
                f("%d", floor), f("%.2f×", (double) firstRequests / floor));
        row(sb, "  unchanged re-sync: requests / quota used (non-304)", f("%d / %d", total(y.unchanged().http()),
                y.unchanged().http().values().stream().mapToLong(HttpTally.Counts::quotaUsed).sum()), "", "");
    }

    private static void http(StringBuilder sb, SyncBenchmark.Result y) {
        sb.append("| source | full sync: requests | minimum Σ ceil(items / max page) | ratio | unchanged re-sync: requests | 304s "
                + "| quota used | ~1% changed: requests | ~1% changed: edited → written |\n|---|---|---|---|---|---|---|---|---|\n");
        SandboxSync.Measured inc = y.incremental().getLast();
        for (Map.Entry<String, Long> e : y.floor().entrySet()) {
            String source = e.getKey();
            HttpTally.Counts full = y.first().http().get(source), same = y.unchanged().http().get(source), changed = inc.http().get(source);
            RunStore.SourceCounts written = inc.sources().get(source);
            row(sb, source, f("%d", full.requests()), f("%d", e.getValue()), f("%.2f×", (double) full.requests() / e.getValue()),
                    f("%d", same.requests()), f("%d", same.notModified()), f("%d", same.quotaUsed()), f("%d", changed.requests()),
                    f("%d → %d", y.edited().getOrDefault(source, 0), written == null ? 0 : written.created() + written.changed()));
        }
    }

    private static long total(Map<String, HttpTally.Counts> http) {
        return http.values().stream().mapToLong(HttpTally.Counts::requests).sum();
    }

    private static String joined(int[] values) {
        return String.join(", ", java.util.Arrays.stream(values).mapToObj(String::valueOf).toList());
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
