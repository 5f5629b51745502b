package dev.nightjar.jobs;

import dev.nightjar.store.RunStore;
import dev.nightjar.store.WriteResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A source step's counts, kept in its ExecutionContext so they survive a restart. {@code skipped}
 * counts records that could not be normalized, {@code unreadable} objects the source would not give
 * us; each with its reason, an object named once however often it was met.
 */
final class SourceCounts {
    static final String NEW = "count.new", CHANGED = "count.changed", UNCHANGED = "count.unchanged",
            DELETED = "count.deleted", SKIPPED = "count.skipped", UNREADABLE = "count.unreadable",
            REQUESTS = "count.requests", RETRIES = "count.retries", SKIPS = "skips";
    /** Reasons kept per step; the counts go on past it. */
    private static final int MAX_REASONS = 50;

    private SourceCounts() {
    }

    static void add(ExecutionContext ec, WriteResult r, List<RunStore.Skip> skips) {
        inc(ec, NEW, r.created());
        inc(ec, CHANGED, r.changed());
        inc(ec, UNCHANGED, r.unchanged());
        inc(ec, DELETED, r.deleted());
        if (skips.isEmpty()) return;
        Set<RunStore.Skip> known = new LinkedHashSet<>(skips(ec));
        for (RunStore.Skip s : skips) {
            boolean unreadable = RunStore.Skip.UNREADABLE.equals(s.kind());
            // an object met again (a restarted page, the same block under two pages) is counted once
            if (unreadable && known.contains(s)) continue;
            inc(ec, unreadable ? UNREADABLE : SKIPPED, 1);
            if (known.size() < MAX_REASONS) known.add(s);
        }
        List<String> lines = new ArrayList<>();
        for (RunStore.Skip s : known) lines.add(String.join("\t", s.kind(), s.stream(), s.object(), s.reason()));
        ec.putString(SKIPS, String.join("\n", lines));
    }

    static void inc(ExecutionContext ec, String key, long by) {
        ec.putLong(key, ec.getLong(key, 0L) + by);
    }

    /** Kept as text (a line per skip, tab-separated fields) so the context stays plain strings and numbers. */
    static List<RunStore.Skip> skips(ExecutionContext ec) {
        String text = ec.containsKey(SKIPS) ? ec.getString(SKIPS) : "";
        List<RunStore.Skip> skips = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", 4);
            if (f.length == 4) skips.add(new RunStore.Skip(f[0], f[1], f[2], f[3]));
        }
        return skips;
    }

    static RunStore.SourceCounts of(String source, String status, ExecutionContext ec, long millis, String error) {
        return new RunStore.SourceCounts(source, status, (int) ec.getLong(NEW, 0L), (int) ec.getLong(CHANGED, 0L),
                (int) ec.getLong(UNCHANGED, 0L), (int) ec.getLong(DELETED, 0L), (int) ec.getLong(SKIPPED, 0L),
                (int) ec.getLong(UNREADABLE, 0L), ec.getLong(REQUESTS, 0L), ec.getLong(RETRIES, 0L), millis, error,
                List.copyOf(skips(ec)));
    }
}
