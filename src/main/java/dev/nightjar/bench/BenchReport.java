package dev.nightjar.bench;

import dev.nightjar.store.RunStore;
import java.util.Locale;
import java.util.Map;

/** The benchmark's figures as Markdown tables, ready for BENCHMARKS.md; parts not run are left out. */
final class BenchReport {

    private static final String SYNC_NOTES = """

            Sandbox figures: all five connectors against the loopback sandbox servers (same JVM). *minimum*: Σ ceil(items / \
            the API's largest page) over every list a full read must ask for, at least one call per list or per container \
            (a PR's reviews, a page's blocks, a thread's replies, a private channel's members). *quota used*: requests not \
            answered 304 (GitHub does not charge 304s; the other APIs have no conditional reads). *~1%*: 1% of each \
            source's stored documents edited in the sandbox (Linear issue, GitHub PR and Notion page retitled, W&B run \
            notes, a new Slack thread reply), then a nightly sync, then `--full` over the same data. *waits*: deliberate \
            pacing and back-off inside a source step (Slack's per-method tier pacing).
            """;

    private BenchReport() {
    }

    /** Any argument may be null (that part was not run). */
    static String markdown(IndexBenchmark.Result r, StartupBenchmark.Result s, SyncBenchmark.Result sync) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | Nightjar | baseline (same process, same data) | ratio |\n|---|---|---|---|\n");
        if (r != null) index(sb, r);
        if (sync != null) incremental(sb, sync);
        if (s != null) startup(sb, s);
        if (sync != null) {
            http(sb.append('\n'), sync);
            incrementalBySource(sb.append('\n'), sync);
            sb.append(SYNC_NOTES);
        }
        return sb.toString();
    }

    /** Figure 6: each command through the launcher against the bare query JVM, and against the plain jar (before). */
    private static void startup(StringBuilder sb, StartupBenchmark.Result s) {
        s.launcherMs().forEach((command, ms) -> {
            double before = s.plainJarMs().get(command);
            String what = command.equals("--version") ? "`--version` (no store)" : "`" + command + "` on the demo store";
            row(sb, f("cold %s (ms, median of %d): `./nightjar` vs bare JVM opening the index for one query", what, s.runs()),
                    f("%.0f", ms), f("%.0f", s.bareQueryMs()), f("%.2f×", ms / s.bareQueryMs()));
            row(sb, "  same command as `java -jar target/nightjar.jar` (before)", f("%.0f", before), "", f("launcher %.2f× of it", ms / before));
        });
    }

    private static void index(StringBuilder sb, IndexBenchmark.Result r) {
        double ours = r.docs() / r.oursSeconds(), raw = r.docs() / r.rawSeconds();
        row(sb, "index throughput (docs/s), normalize+store+index vs raw IndexWriter", f("%,.0f", ours), f("%,.0f", raw),
                f("%.2f×", ours / raw));
        row(sb, "  where our time goes: H2 upsert / Lucene update", f("%.1f s / %.1f s", r.storeSeconds(), r.indexSeconds()),
                f("%.1f s", r.rawSeconds()), "");
        if (r.readBackSeconds() > 0) { // 0: not measured (--skip-before)
            double before = r.docs() / r.readBackSeconds();
            row(sb, "  before: the index reading each batch back from the store (docs/s; index part)",
                    f("%,.0f (%.1f s)", before, r.readBackIndexSeconds()), f("%,.0f", raw), f("%.2f×", before / raw));
        }
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
        row(sb, f("sync wall time (s) with %d of %d sandbox documents changed (~1%%) vs `--full` of the same data, median of %d",
                edited, y.documents(), y.incremental().size()), f("%.2f", inc), f("%.2f", full), f("%.2f×", inc / full));
        SandboxSync.Measured lastInc = y.incremental().getLast(), lastFull = y.full().getLast();
        double incWork = workSeconds(lastInc), fullWork = workSeconds(lastFull);
        row(sb, "  Σ source step time less deliberate waits (pacing, back-off), s", f("%.2f", incWork), f("%.2f", fullWork),
                f("%.2f×", incWork / fullWork));
        long incRequests = total(lastInc.http()), fullRequests = total(lastFull.http());
        row(sb, "  HTTP requests of those syncs", f("%d", incRequests), f("%d", fullRequests), f("%.2f×", (double) incRequests / fullRequests));
        long firstRequests = total(y.first().http()), floor = y.floor().values().stream().mapToLong(Long::longValue).sum();
        row(sb, "HTTP requests of a first (full) sync vs Σ ceil(items / max page size), all sources", f("%d", firstRequests),
                f("%d", floor), f("%.2f×", (double) firstRequests / floor));
        row(sb, "  re-sync of unchanged data: requests, of them quota used (not 304)",
                f("%d, %d", total(y.unchanged().http()), quota(y.unchanged())), "", "");
        row(sb, "  2nd re-sync of unchanged data: requests, of them quota used (not 304)",
                f("%d, %d", total(y.unchangedAgain().http()), quota(y.unchangedAgain())), "", "");
    }

    /** Figure 3 per source: a first sync against the floor, and two re-syncs of unchanged data. */
    private static void http(StringBuilder sb, SyncBenchmark.Result y) {
        sb.append("| source | full sync: requests | minimum Σ ceil(items / max page) | ratio | unchanged re-sync: requests, 304s, "
                + "quota used | 2nd unchanged re-sync: requests, 304s, quota used |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Long> e : y.floor().entrySet()) {
            String source = e.getKey();
            long requests = y.first().http().get(source).requests();
            row(sb, source, f("%d", requests), f("%d", e.getValue()), f("%.2f×", (double) requests / e.getValue()),
                    quota(y.unchanged().http().get(source)), quota(y.unchangedAgain().http().get(source)));
        }
    }

    private static String quota(HttpTally.Counts c) {
        return f("%d, %d, %d", c.requests(), c.notModified(), c.quotaUsed());
    }

    /** Figure 4 per source, last round: what changed, what was written, requests and step times against `--full`. */
    private static void incrementalBySource(StringBuilder sb, SyncBenchmark.Result y) {
        sb.append("| source | ~1%: records edited → docs written | ~1%: requests | `--full`: requests | ~1%: step s (of it waits) "
                + "| `--full`: step s (of it waits) |\n|---|---|---|---|---|---|\n");
        SandboxSync.Measured inc = y.incremental().getLast(), full = y.full().getLast();
        for (String source : y.floor().keySet()) {
            RunStore.SourceCounts written = inc.sources().get(source);
            row(sb, source, f("%d → %d", y.edited().getOrDefault(source, 0), written == null ? 0 : written.created() + written.changed()),
                    f("%d", inc.http().get(source).requests()), f("%d", full.http().get(source).requests()), step(inc, source),
                    step(full, source));
        }
    }

    private static String step(SandboxSync.Measured m, String source) {
        RunStore.SourceCounts c = m.sources().get(source);
        return c == null ? "" : f("%.2f (%.2f)", c.millis() / 1000.0, m.waitedMillis().getOrDefault(source, 0L) / 1000.0);
    }

    private static double workSeconds(SandboxSync.Measured m) {
        long ms = 0;
        for (RunStore.SourceCounts c : m.sources().values()) ms += c.millis() - m.waitedMillis().getOrDefault(c.source(), 0L);
        return ms / 1000.0;
    }

    private static long quota(SandboxSync.Measured m) {
        return m.http().values().stream().mapToLong(HttpTally.Counts::quotaUsed).sum();
    }

    private static long total(Map<String, HttpTally.Counts> http) {
        return http.values().stream().mapToLong(HttpTally.Counts::requests).sum();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
