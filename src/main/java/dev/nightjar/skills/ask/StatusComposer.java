package dev.nightjar.skills.ask;

import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Words;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns what the walk reached into numbered facts, section by section: the subject's record, the
 * canonical plan, progress, blockers, code, experiments, decisions, then working and scratchpad
 * material (labelled as such) and conflicts. Record and canonical facts are stated as facts; lower
 * levels are always labelled.
 */
public final class StatusComposer {

    static final String SUBJECT = "Subject", PLAN = "Plan (canonical)", PROGRESS = "Progress", BLOCKERS = "Blockers",
            CODE = "Code", EXPERIMENTS = "Experiments", DECISIONS = "Decisions", WORKING = "Discussion (working documents)",
            SCRATCHPAD = "Scratchpad notes (raw thoughts, not facts)", FOUND = "Found";
    private static final Duration RECENT = Duration.ofDays(7);
    private static final int LIST_MAX = 6;

    private final Corpus corpus;
    private final PeopleDirectory people;
    private final Instant now;

    public StatusComposer(Corpus corpus, PeopleDirectory people, Instant now) {
        this.corpus = corpus;
        this.people = people;
        this.now = now;
    }

    public FactSheet compose(Intent intent, Subject subject, Neighborhood n, List<Decision> decisions) {
        FactSheet sheet = new FactSheet();
        Canon canon = new Canon(n.all());
        // The sections a question asks about come first; the rest follow in the usual order.
        if (intent.kind() == Intent.Kind.WHY) decisions(sheet, decisions, intent);
        if (intent.kind() == Intent.Kind.BLOCKERS) blockers(sheet, n);
        if (!subject.isTopic()) subjectRecord(sheet, n);
        canon.facts(sheet, PLAN);
        progress(sheet, n);
        if (intent.kind() != Intent.Kind.BLOCKERS) blockers(sheet, n);
        code(sheet, n);
        experiments(sheet, n, canon);
        if (intent.kind() != Intent.Kind.WHY) decisions(sheet, decisions, intent);
        labelled(sheet, n, subject.isTopic());
        canon.conflicts(sheet, n.all());
        return sheet;
    }

    private void subjectRecord(FactSheet sheet, Neighborhood n) {
        for (StoredDocument d : n.planning) {
            Document doc = d.document();
            Map<String, String> p = doc.properties();
            String kind = doc.id().kind();
            List<String> parts = new ArrayList<>();
            if (kind.equals("issue")) {
                parts.add("state " + stateName(doc));
                parts.add(p.get("assignee") == null ? "unassigned" : "assigned to " + p.get("assignee"));
                if (p.get("priority_label") != null) parts.add("priority " + p.get("priority_label"));
                if (p.get("due_date") != null) parts.add("due " + p.get("due_date"));
                if (p.get("project_name") != null) parts.add("in project " + p.get("project_name"));
            } else {
                if (p.get("status") != null) parts.add("status " + p.get("status"));
                if (p.get("target_date") != null) parts.add("target date " + p.get("target_date"));
                if (p.get("lead") != null) parts.add("lead " + p.get("lead"));
                if (p.get("owner") != null) parts.add("owner " + p.get("owner"));
                if (p.get("health") != null) parts.add("health " + p.get("health").replace('_', ' '));
                if (p.get("progress") != null) parts.add("progress " + percent(p.get("progress")));
            }
            String what = kind.equals("issue") ? "Issue " + doc.id().key() + " " + doc.title() : "Linear " + kind + " " + doc.title();
            sheet.add(SUBJECT, what + ": " + String.join(", ", parts) + ".", d);
        }
        latestUpdate(sheet, n);
    }

    private void latestUpdate(FactSheet sheet, Neighborhood n) {
        n.updates.values().stream().max(Comparator.comparing(Canon::updated)).ifPresent(u -> {
            String health = u.document().properties().get("health");
            String first = firstLine(u.document().body());
            sheet.add(SUBJECT, "Latest status update (" + Canon.day(Canon.updated(u)) + (health == null ? "" : ", " + health.replace('_', ' '))
                    + ", by " + people.displayName(u.document().author()) + "): " + first, u);
        });
    }

    private void progress(FactSheet sheet, Neighborhood n) {
        if (n.issues.isEmpty()) return;
        Map<String, Integer> byState = new TreeMap<>();
        for (StoredDocument d : n.issues.values()) byState.merge(d.document().state() == null ? "unknown" : d.document().state(), 1, Integer::sum);
        int done = byState.getOrDefault("done", 0);
        List<String> parts = new ArrayList<>();
        for (String s : List.of("done", "in_progress", "open", "canceled")) if (byState.containsKey(s)) parts.add(byState.get(s) + " " + s.replace('_', ' '));
        byState.forEach((s, c) -> { if (!List.of("done", "in_progress", "open", "canceled").contains(s)) parts.add(c + " " + s); });
        StoredDocument[] sources = n.planning.isEmpty() ? n.issues.values().toArray(StoredDocument[]::new)
                : n.planning.stream().filter(d -> !d.document().id().kind().equals("issue")).toArray(StoredDocument[]::new);
        if (sources.length == 0) sources = n.issues.values().stream().limit(LIST_MAX).toArray(StoredDocument[]::new);
        int total = n.issues.size();
        int active = total - byState.getOrDefault("canceled", 0);
        sheet.add(PROGRESS, total + " issues in Linear: " + String.join(", ", parts)
                + (active > 0 ? " (" + Math.round(100.0 * done / active) + "% of the non-canceled work done)" : "") + ".", sources);
        n.issues.values().stream().filter(d -> recent(d.document().updatedAt()) && !"open".equals(d.document().state()))
                .sorted(Comparator.comparing(Canon::updated).reversed()).limit(LIST_MAX)
                .forEach(d -> sheet.add(PROGRESS, "Moved recently: " + d.document().id().key() + " " + d.document().title() + " is "
                        + stateName(d.document()) + " (updated " + Canon.day(Canon.updated(d)) + ").", d));
        n.issues.values().stream().filter(d -> "1".equals(d.document().properties().get("priority")) && !Gatherer.finished(d)
                        && d.document().properties().get("assignee") == null).limit(LIST_MAX)
                .forEach(d -> sheet.add(PROGRESS, "Urgent and unassigned: " + d.document().id().key() + " " + d.document().title() + ".", d));
    }

    private void blockers(FactSheet sheet, Neighborhood n) {
        // an issue that is itself a blocker in a longer chain is told inside that chain, not twice
        Set<String> blocking = new java.util.HashSet<>();
        n.blockedBy.values().forEach(l -> l.forEach(d -> blocking.add(d.id())));
        for (StoredDocument blocked : n.issues.values()) {
            if (Gatherer.finished(blocked) || !n.blockedBy.containsKey(blocked.id()) || blocking.contains(blocked.id())) continue;
            List<StoredDocument> chain = new ArrayList<>(List.of(blocked));
            StringBuilder text = new StringBuilder(describeIssue(blocked));
            StoredDocument current = blocked;
            Set<String> seen = new java.util.HashSet<>(Set.of(blocked.id()));
            String joiner = " is blocked by ";
            while (n.blockedBy.containsKey(current.id())) {
                List<StoredDocument> by = n.blockedBy.get(current.id()).stream().filter(d -> !seen.contains(d.id())).toList();
                if (by.isEmpty()) break;
                text.append(joiner).append(String.join(" and ", by.stream().map(StatusComposer::describeIssue).toList()));
                chain.addAll(by);
                by.forEach(d -> seen.add(d.id()));
                current = by.get(0);
                joiner = ", which is blocked by ";
            }
            sheet.add(BLOCKERS, text + ".", chain.toArray(StoredDocument[]::new));
        }
    }

    static String describeIssue(StoredDocument d) {
        Document doc = d.document();
        String assignee = doc.properties().get("assignee");
        return doc.id().key() + " " + doc.title() + " (" + stateName(doc) + ", " + (assignee == null ? "unassigned" : assignee) + ")";
    }

    private void code(FactSheet sheet, Neighborhood n) {
        Map<String, StoredDocument> latestReview = new LinkedHashMap<>();
        for (StoredDocument r : n.reviews.values()) {
            String pr = n.reviewOf.get(r.id());
            StoredDocument prev = latestReview.get(pr);
            if (prev == null || Canon.updated(r).isAfter(Canon.updated(prev))) latestReview.put(pr, r);
        }
        List<StoredDocument> prs = new ArrayList<>(n.prs.values());
        prs.sort(Comparator.comparing(Canon::updated).reversed());
        int shown = 0;
        for (StoredDocument pr : prs) {
            if (shown++ >= LIST_MAX * 2) break;
            Document doc = pr.document();
            String number = "#" + doc.properties().getOrDefault("number", doc.id().key());
            StoredDocument review = latestReview.get(pr.id());
            if ("merged".equals(doc.state())) {
                String at = doc.properties().get("merged_at");
                sheet.add(CODE, "Merged " + number + " " + doc.title() + (at == null ? "" : " on " + at.substring(0, Math.min(10, at.length()))) + ".", pr);
            } else if ("open".equals(doc.state())) {
                if (review != null && "changes_requested".equals(review.document().state())) {
                    sheet.add(CODE, "Open " + number + " " + doc.title() + ": changes requested by " + people.displayName(review.document().author())
                            + " on " + Canon.day(Canon.updated(review)) + ".", pr, review);
                } else if (review != null && "approved".equals(review.document().state())) {
                    sheet.add(CODE, "Open " + number + " " + doc.title() + ": approved by " + people.displayName(review.document().author()) + ".", pr, review);
                } else {
                    sheet.add(CODE, "Open " + number + " " + doc.title() + " (by " + people.displayName(doc.author()) + ").", pr);
                }
            }
        }
    }

    private void experiments(FactSheet sheet, Neighborhood n, Canon canon) {
        List<StoredDocument> runs = new ArrayList<>(n.runs.values());
        runs.sort(Comparator.comparing(Canon::updated).reversed());
        Optional<StoredDocument> latest = runs.stream().filter(r -> "finished".equals(r.document().state())).findFirst();
        if (latest.isPresent()) {
            StoredDocument run = latest.get();
            boolean compared = false;
            for (Canon.Target t : canon.targets()) {
                Optional<Map.Entry<String, Double>> metric = run.document().metrics().entrySet().stream()
                        .filter(e -> dev.nightjar.skills.Mentions.metricKey(e.getKey()).equals(t.target().key())).findFirst();
                if (metric.isEmpty()) continue;
                double v = metric.get().getValue();
                boolean meets = dev.nightjar.skills.Mentions.meets(t.target(), v);
                sheet.add(EXPERIMENTS, "Latest finished run " + run.document().title() + " (" + Canon.day(Canon.updated(run)) + "): "
                        + t.target().metric() + " = " + Numbers.format(v) + (meets ? ", meeting" : ", short of") + " the canonical target "
                        + t.describe() + ".", run, t.source());
                compared = true;
            }
            if (!compared) {
                String metrics = String.join(", ", run.document().metrics().entrySet().stream().limit(4)
                        .map(e -> e.getKey() + " = " + Numbers.format(e.getValue())).toList());
                sheet.add(EXPERIMENTS, "Latest finished run " + run.document().title() + " (" + Canon.day(Canon.updated(run)) + ")"
                        + (metrics.isEmpty() ? "" : ": " + metrics) + ".", run);
            }
        }
        runs.stream().filter(r -> "crashed".equals(r.document().state()) || "failed".equals(r.document().state())).limit(LIST_MAX)
                .forEach(r -> sheet.add(EXPERIMENTS, "Run " + r.document().title() + " " + r.document().state() + " ("
                        + Canon.day(Canon.updated(r)) + ").", r));
        runs.stream().filter(r -> "running".equals(r.document().state())).limit(3)
                .forEach(r -> sheet.add(EXPERIMENTS, "Run " + r.document().title() + " is running.", r));
    }

    private void decisions(FactSheet sheet, List<Decision> decisions, Intent intent) {
        Set<String> topic = Words.significant(intent.topic());
        List<Decision> ranked = new ArrayList<>(decisions);
        if (intent.kind() == Intent.Kind.WHY) {
            ranked.sort(Comparator.comparingInt((Decision d) -> -Words.overlap(d.text() + " " + (d.why() == null ? "" : d.why()), topic).matched()));
        }
        Map<String, StoredDocument> sources = Corpus.byId(corpus.findAll(ranked.stream().map(Decision::docId).toList()));
        int shown = 0;
        for (Decision d : ranked) {
            StoredDocument src = sources.get(d.docId());
            if (src == null || src.superseded()) continue;
            if (shown++ >= LIST_MAX) break;
            String level = src.truth() == TruthLevel.SCRATCHPAD ? " (from a scratchpad note, not confirmed)" : "";
            sheet.add(DECISIONS, "Decision: " + d.text() + (d.why() == null ? " (no reason given)" : "; why: " + d.why())
                    + " (" + who(d.who()) + ", " + Canon.day(d.decidedAt()) + ")" + level + ".", src);
        }
    }

    private void labelled(FactSheet sheet, Neighborhood n, boolean topic) {
        List<StoredDocument> docs = new ArrayList<>(n.attached.values());
        if (topic) {
            docs.addAll(0, n.planning);
            docs.addAll(n.issues.values());
        }
        docs.sort(Comparator.comparing((StoredDocument d) -> d.truth().ordinal()).thenComparing(Canon::updated, Comparator.reverseOrder()));
        int working = 0, scratch = 0, found = 0;
        for (StoredDocument d : docs) {
            if (d.truth() == TruthLevel.CANONICAL && !topic) continue; // stated in the plan section
            Document doc = d.document();
            String when = " (" + Canon.day(Canon.updated(d)) + ", " + people.displayName(doc.author()) + ")";
            if (d.truth() == TruthLevel.SCRATCHPAD) {
                if (scratch++ < LIST_MAX) sheet.add(SCRATCHPAD, "Scratchpad note" + when + ": " + excerpt(doc), d);
            } else if (d.truth() == TruthLevel.WORKING) {
                if (working++ < LIST_MAX) sheet.add(WORKING, "Working document " + doc.title() + when + ": " + excerpt(doc), d);
            } else if (topic && found++ < LIST_MAX) {
                String flags = d.superseded() ? " (superseded; not current)" : d.stale() ? " (stale canonical)" : "";
                sheet.add(FOUND, d.truth().label().substring(0, 1).toUpperCase() + d.truth().label().substring(1) + " " + doc.title()
                        + flags + when + (d.superseded() ? "." : ": " + excerpt(doc)), d);
            }
        }
    }

    private static String excerpt(Document doc) {
        String body = doc.body().isBlank() ? doc.title() : doc.body();
        String text = body.replaceAll("\\s+", " ").strip();
        return text.length() > 220 ? text.substring(0, 219).stripTrailing() + "…" : text;
    }

    private String who(String who) {
        if (who == null) return "someone";
        return who.contains(":") ? people.displayName(who) : who;
    }

    private boolean recent(Instant t) {
        return t != null && !t.isBefore(now.minus(RECENT));
    }

    static String stateName(Document doc) {
        String name = doc.properties().get("state_name");
        String state = doc.state() == null ? "unknown" : doc.state().replace('_', ' ');
        return name != null && !name.equalsIgnoreCase(state) ? state + " (" + name + ")" : state;
    }

    private static String percent(String progress) {
        try {
            double p = Double.parseDouble(progress);
            return Math.round(p <= 1 ? p * 100 : p) + "%";
        } catch (NumberFormatException e) {
            return progress;
        }
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }
}
