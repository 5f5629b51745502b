package dev.nightjar.cli;

import dev.nightjar.store.DocumentCounts;
import dev.nightjar.Workspace;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.CursorStore;
import dev.nightjar.store.RunStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** `status`: counts, cursors, recent runs, index size; the JSON shape is pinned in the contracts. */
final class StatusReport {

    private StatusReport() {
    }

    static Map<String, Object> build(Workspace ws) {
        DocumentCounts counts = new DocumentCounts(ws.database());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data_dir", ws.dataDir().toString());

        // one pass over the table: counts by source, kind, level and flags
        Map<String, Object> documents = new LinkedHashMap<>();
        Map<String, Integer> bySource = new java.util.TreeMap<>();
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        Map<String, Object> byTruth = new LinkedHashMap<>();
        for (TruthLevel level : TruthLevel.values()) byTruth.put(level.label(), 0);
        byTruth.put("stale", 0);
        byTruth.put("superseded", 0);
        int[] total = {0};
        for (DocumentCounts.Group g : counts.groups()) {
            int n = g.count();
            total[0] += n;
            bySource.merge(g.source(), n, Integer::sum);
            byKind.merge(g.source() + ":" + g.kind(), n, Integer::sum);
            byTruth.merge(g.truthLevel(), n, (a, b) -> (Integer) a + (Integer) b);
            if (g.stale()) byTruth.merge("stale", n, (a, b) -> (Integer) a + (Integer) b);
            if (g.superseded()) byTruth.merge("superseded", n, (a, b) -> (Integer) a + (Integer) b);
        }
        documents.put("total", total[0]);
        documents.put("by_source", bySource);
        documents.put("by_kind", byKind);
        documents.put("by_truth", byTruth);
        out.put("documents", documents);

        out.put("cursors", ws.cursors().all().stream().map(StatusReport::cursor).toList());
        out.put("runs", ws.runs().recent(10).stream().map(StatusReport::run).toList());

        DocumentIndex.Stats stats = ws.indexOpen()
                ? new DocumentIndex.Stats(ws.index().documentCount(), ws.index().sizeBytes())
                : DocumentIndex.stats(ws.dataDir());
        out.put("index", Map.of("documents", stats.documents(), "bytes", stats.bytes()));

        out.put("llm", dev.nightjar.llm.LlmStatus.of(ws));
        out.put("people", people(ws));
        return out;
    }

    /** How accounts were joined into people: the name-only joins are listed so none is silent. */
    private static Map<String, Object> people(Workspace ws) {
        var join = ws.people().join();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("persons", join.people().size());
        m.put("joined_by_name", join.nameMatches().stream().map(n -> ordered("identity", n.identity(), "name", n.name(), "email", n.email())).toList());
        m.put("ambiguous_names", join.ambiguous().stream().map(a -> ordered("identity", a.identity(), "name", a.name(), "emails", a.emails())).toList());
        return m;
    }

    /** A map that keeps the keys in the order given (the JSON output's key order is stable). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static Map<String, Object> cursor(CursorStore.Cursor c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", c.source());
        m.put("stream", c.stream());
        m.put("cursor", c.value());
        m.put("updated_at", iso(c.updatedAt()));
        return m;
    }

    /** One run as in {@code runs} of `status --format json` (also what `sync --format json` prints). */
    static Map<String, Object> run(RunStore.Run r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("started_at", iso(r.startedAt()));
        m.put("ended_at", iso(r.endedAt()));
        m.put("full", r.full());
        Map<String, Object> sources = new LinkedHashMap<>();
        r.sources().forEach((name, c) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("status", c.status());
            s.put("new", c.created());
            s.put("changed", c.changed());
            s.put("unchanged", c.unchanged());
            s.put("deleted", c.deleted());
            s.put("skipped", c.skipped());
            s.put("unreadable", c.unreadable());
            s.put("requests", c.requests());
            s.put("retries", c.retries());
            s.put("millis", c.millis());
            if (c.error() != null) s.put("error", c.error());
            sources.put(name, s);
        });
        m.put("sources", sources);
        // what the run did not store and why, source by source (the schema keeps per-source values scalar)
        List<Map<String, Object>> skips = new java.util.ArrayList<>();
        r.sources().forEach((name, c) -> c.skips().forEach(k -> {
            Map<String, Object> skip = new LinkedHashMap<>();
            skip.put("source", name);
            skip.put("kind", k.kind());
            skip.put("stream", k.stream());
            skip.put("object", k.object());
            skip.put("reason", k.reason());
            skips.add(skip);
        }));
        m.put("skips", skips);
        if (r.message() != null) m.put("message", r.message());
        return m;
    }

    static String iso(Instant i) {
        return i == null ? null : i.toString();
    }

    /**
     * The status as text for a terminal: times to the minute in UTC with their age from {@code now}
     * (the workspace clock), where the JSON keeps the contract's instants.
     */
    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> status, Instant now) {
        TextTime time = new TextTime(now);
        StringBuilder sb = new StringBuilder();
        Map<String, Object> docs = (Map<String, Object>) status.get("documents");
        sb.append("Data dir   ").append(status.get("data_dir")).append('\n');
        sb.append("Documents  ").append(docs.get("total")).append('\n');
        ((Map<String, Object>) docs.get("by_kind")).forEach((k, v) -> sb.append(String.format("  %-28s %6s%n", k, v)));
        sb.append("Truth      ");
        ((Map<String, Object>) docs.get("by_truth")).forEach((k, v) -> sb.append(k).append(' ').append(v).append("  "));
        sb.append('\n');
        Map<String, Object> index = (Map<String, Object>) status.get("index");
        sb.append(String.format("Index      %s documents, %.1f MiB%n", index.get("documents"), ((Number) index.get("bytes")).longValue() / 1048576.0));
        Map<String, Object> llm = (Map<String, Object>) status.get("llm");
        sb.append(String.format("LLM        %s, %s tokens in the last 24 h of a %s budget%n", Boolean.TRUE.equals(llm.get("used")) ? "on" : "off",
                llm.get("tokens_today"), llm.get("budget")));
        Map<String, Object> people = (Map<String, Object>) status.get("people");
        for (Map<String, Object> n : (List<Map<String, Object>>) people.get("joined_by_name")) {
            sb.append(String.format("People     %s joined to %s by the name %s%n", n.get("identity"), n.get("email"), n.get("name")));
        }
        for (Map<String, Object> a : (List<Map<String, Object>>) people.get("ambiguous_names")) {
            sb.append(String.format("People     %s not joined: the name %s belongs to %s%n", a.get("identity"), a.get("name"), a.get("emails")));
        }
        List<Map<String, Object>> runs = (List<Map<String, Object>>) status.get("runs");
        sb.append("Runs       ").append(runs.isEmpty() ? "none yet (run `nightjar sync`)" : "").append('\n');
        for (Map<String, Object> r : runs) {
            sb.append(String.format("  #%-4s %-10s %s -> %s%n", r.get("id"), r.get("status"), time.say(r.get("started_at"), "?"),
                    time.say(r.get("ended_at"), "not ended")));
            List<Map<String, Object>> skips = (List<Map<String, Object>>) r.getOrDefault("skips", List.of());
            ((Map<String, Map<String, Object>>) r.get("sources")).forEach((src, c) -> {
                sb.append(String.format(
                        "        %-8s %-9s new %s, changed %s, unchanged %s, deleted %s, skipped %s, unreadable %s, requests %s, retries %s%n",
                        src, c.get("status"), c.get("new"), c.get("changed"), c.get("unchanged"), c.get("deleted"), c.get("skipped"),
                        c.get("unreadable"), c.get("requests"), c.get("retries")));
                for (Map<String, Object> k : skips) {
                    if (src.equals(k.get("source"))) {
                        sb.append(String.format("          %s %s (%s): %s%n", k.get("kind"), k.get("object"), k.get("stream"), k.get("reason")));
                    }
                }
            });
        }
        List<Map<String, Object>> cursors = (List<Map<String, Object>>) status.get("cursors");
        sb.append("Cursors    ").append(cursors.isEmpty() ? "none" : "").append('\n');
        for (Map<String, Object> c : cursors) sb.append(String.format("  %-8s %-28s updated %s%n", c.get("source"), c.get("stream"), time.say(c.get("updated_at"), "never")));
        return sb.toString();
    }
}
