package dev.nightjar.bench;

import java.util.Locale;

/** The benchmark's figures as a Markdown table, ready for BENCHMARKS.md. */
final class BenchReport {

    private BenchReport() {
    }

    static String markdown(IndexBenchmark.Result r, StartupBenchmark.Result s) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | Nightjar | baseline (same process, same data) | ratio |\n|---|---|---|---|\n");
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
        if (s != null) {
            row(sb, "cold start `status` vs `--version` (median of " + s.runs() + ", ms)", f("%.0f", s.statusMedianMs()),
                    f("%.0f", s.versionMedianMs()), f("%.2f×", s.statusMedianMs() / s.versionMedianMs()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
