package dev.nightjar.jobs;

import dev.nightjar.store.RunStore;
import dev.nightjar.store.WriteResult;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A source step's counts, kept in its ExecutionContext so they survive a restart. */
final class SourceCounts {
    static final String NEW = "count.new", CHANGED = "count.changed", UNCHANGED = "count.unchanged",
            DELETED = "count.deleted", SKIPPED = "count.skipped", REQUESTS = "count.requests", RETRIES = "count.retries",
            SKIPPED_WHY = "skipped.why";
    private static final int MAX_REASONS = 50;

    private SourceCounts() {
    }

    static void add(ExecutionContext ec, WriteResult r, List<String> skipped) {
        inc(ec, NEW, r.created());
        inc(ec, CHANGED, r.changed());
        inc(ec, UNCHANGED, r.unchanged());
        inc(ec, DELETED, r.deleted());
        inc(ec, SKIPPED, skipped.size());
        if (!skipped.isEmpty()) {
            List<String> reasons = new ArrayList<>(skipped(ec));
            for (String s : skipped) if (reasons.size() < MAX_REASONS) reasons.add(s);
            ec.putString(SKIPPED_WHY, String.join("\n", reasons));
        }
    }

    static void inc(ExecutionContext ec, String key, long by) {
        ec.putLong(key, ec.getLong(key, 0L) + by);
    }

    static List<String> skipped(ExecutionContext ec) {
        String s = ec.containsKey(SKIPPED_WHY) ? ec.getString(SKIPPED_WHY) : "";
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    static RunStore.SourceCounts of(String source, String status, ExecutionContext ec, long millis, String error) {
        return new RunStore.SourceCounts(source, status, (int) ec.getLong(NEW, 0L), (int) ec.getLong(CHANGED, 0L),
                (int) ec.getLong(UNCHANGED, 0L), (int) ec.getLong(DELETED, 0L), (int) ec.getLong(SKIPPED, 0L),
                ec.getLong(REQUESTS, 0L), ec.getLong(RETRIES, 0L), millis, error);
    }
}
