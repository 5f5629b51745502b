package dev.nightjar.skills.ask;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Numbers;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Words;
import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionFollowUp;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import dev.nightjar.skills.Humanize;
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
            SCRATCHPAD = "Scratchpad notes (raw thoughts, not facts)", FOUND = "Found", WORKING_ON = "Working on",
            BY_MEANING = "Nearest in meaning (no shared words; check them)";

    /** The headline of an answer that only the dense vectors found: it says so, so a reader weighs it as a lead. */
    static final String BY_MEANING_HEADLINE = "No document matched the question's words; these are the nearest in meaning.";
    private static final Duration RECENT = Duration.ofDays(7);
    /** Items per list: the answer's details stay short; every document stays reachable through its citation. */
    private static final int LIST_MAX = 3;
    /** Replies shown with a decision in a "why" answer, newest kept. */
    private static final int FOLLOW_UPS_MAX = 2;
    /** Longest quoted reply, in characters (as the brief quotes). */
    private static final int QUOTE_MAX = 180;

    private final Corpus corpus;
    private final PeopleDirectory people;
    private final Instant now;
    private final ZoneId zone;

    public StatusComposer(Corpus corpus, PeopleDirectory people, Instant now) {
        this(corpus, people, now, ZoneOffset.UTC);
    }

    /** @param zone the reader's time zone, for humanised times */
    public StatusComposer(Corpus corpus, PeopleDirectory people, Instant now, ZoneId zone) {
        this.corpus = corpus;
        this.people = people;
        this.now = now;
        this.zone = zone;
    }

    /** The fact sheet, and for an initiative or project the verdict and the headline that opens the answer. */
    public record Composition(FactSheet sheet, String headline, Verdict verdict) {
    }

    /** @param sheet where the facts go, after any already there */
    public Composition compose(FactSheet sheet, Intent intent, Subject subject, Neighborhood n, List<Decision> decisions) {
        Canon canon = new Canon(n.all());
        Verdict verdict = null;
        String headline = null;
        if (subject.kind().equals("initiative") || subject.kind().equals("project")) {
            VerdictJudge judge = new VerdictJudge(now, zone);
            verdict = judge.judge(subject, n, canon, sheet);
            headline = judge.headline(verdict, sheet);
        }
        if (intent.kind() == Intent.Kind.OWNER) {
            // "who owns X?": the owners open the answer (their facts first), then the usual status
            String owners = new Owners(corpus, people).state(sheet, subject, intent.topic(), n);
            if (owners != null) headline = headline == null ? owners : owners + " " + headline;
        }
        compose(sheet, canon, intent, subject, n, decisions);
        if (!n.byMeaning.isEmpty()) {
            if (sheet.isEmpty()) headline = BY_MEANING_HEADLINE;
            for (StoredDocument d : n.byMeaning.values()) sheet.add(BY_MEANING, d.document().title() + when(d) + ": " + excerpt(d.document()), d);
        }
        return new Composition(sheet, headline, verdict);
    }

    private void compose(FactSheet sheet, Canon canon, Intent intent, Subject subject, Neighborhood n, List<Decision> decisions) {
        // The sections a question asks about come first; the rest follow in the usual order.
        if (intent.kind() == Intent.Kind.WHY) decisions(sheet, decisions, intent);
        if (intent.kind() == Intent.Kind.BLOCKERS) blockers(sheet, n, BLOCKERS);
        if (!subject.isTopic()) subjectRecord(sheet, n);
        canon.facts(sheet, PLAN);
        if (!subject.isTopic()) progress(sheet, n); // counts over a handful of search hits would mislead
        if (intent.kind() != Intent.Kind.BLOCKERS) blockers(sheet, n, BLOCKERS);
        code(sheet, n);
        experiments(sheet, n, canon);
        if (intent.kind() != Intent.Kind.WHY) decisions(sheet, decisions, intent);
        if (subject.kind().equals("person")) workingOn(sheet, n);
        labelled(sheet, n, subject.isTopic());
        canon.conflicts(sheet, n.all());
    }

    /** A person's unfinished issues, in progress first. */
    private void workingOn(FactSheet sheet, Neighborhood n) {
        n.issues.values().stream().filter(d -> !Gatherer.finished(d))
                .sorted(Comparator.comparing((StoredDocument d) -> d.document().stateType() == DocumentState.IN_PROGRESS ? 0 : 1)
                        .thenComparing(Canon::updated, Comparator.reverseOrder()))
                .limit(LIST_MAX * 2)
                .forEach(d -> sheet.add(WORKING_ON, describeIssue(d) + (n.blockedBy.containsKey(d.id()) ? ", blocked by "
                        + String.join(", ", n.blockedBy.get(d.id()).stream().map(b -> b.document().id().key()).toList()) : "") + ".", d));
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
        if (!n.blocks.isEmpty()) {
            sheet.add(SUBJECT, "It blocks " + String.join(" and ", n.blocks.stream().map(StatusComposer::describeIssue).toList()) + ".",
                    n.blocks.toArray(StoredDocument[]::new));
        }
        if (n.planning.size() == 1 && n.planning.get(0).document().id().kind().equals("issue")) {
            // an issue's own comments are what its people said about it last: the latest few, newest first
            n.comments.values().stream().sorted(Comparator.comparing(Canon::updated).reversed()).limit(LIST_MAX)
                    .forEach(c -> sheet.add(SUBJECT, "Comment by " + people.displayName(c.document().author()) + " ("
                            + Humanize.ago(Canon.updated(c), now, zone) + "): " + firstLine(c.document().body()), c));
        }
        latestUpdate(sheet, n);
    }

    private void latestUpdate(FactSheet sheet, Neighborhood n) {
        n.updates.values().stream().max(Comparator.comparing(Canon::updated)).ifPresent(u -> {
            String health = u.document().property(PropertyKey.HEALTH);
            String first = firstLine(u.document().body());
            sheet.add(SUBJECT, "Latest status update (" + Canon.day(Canon.updated(u)) + (health == null ? "" : ", " + health.replace('_', ' '))
                    + ", by " + people.displayName(u.document().author()) + "): " + first, u);
        });
    }

    private void progress(FactSheet sheet, Neighborhood n) {
        if (n.issues.isEmpty()) return;
        // one issue asked about: its subject line already says its state ("1 issue: 1 open (0 % done)" said nothing more)
        if (n.issues.size() == 1 && n.planning.stream().anyMatch(p -> n.issues.containsKey(p.id()))) return;
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
        sheet.add(PROGRESS, total + (total == 1 ? " issue" : " issues") + " in Linear: " + String.join(", ", parts)
                + (active > 0 ? " (" + Math.round(100.0 * done / active) + "% of the non-canceled work done)" : "") + ".", sources);
        n.issues.values().stream().filter(d -> recent(d.document().updatedAt()) && d.document().stateType() != DocumentState.OPEN)
                .sorted(Comparator.comparing(Canon::updated).reversed()).limit(2)
                .forEach(d -> sheet.add(PROGRESS, "Moved recently: " + d.document().id().key() + " " + d.document().title() + " is "
                        + stateName(d.document()) + " (updated " + Canon.day(Canon.updated(d)) + ").", d));
        n.issues.values().stream().filter(d -> "1".equals(d.document().property(PropertyKey.PRIORITY)) && !Gatherer.finished(d)
                        && d.document().property(PropertyKey.ASSIGNEE) == null).limit(LIST_MAX)
                .forEach(d -> sheet.add(PROGRESS, "Urgent and unassigned: " + d.document().id().key() + " " + d.document().title() + ".", d));
    }

    /** Each open BLOCKS chain once, from its most downstream issue, with each issue's open pull request and its review state. */
    void blockers(FactSheet sheet, Neighborhood n, String section) {
        // an issue that is itself a blocker in a longer chain is told inside that chain, not twice
        Set<String> blocking = new java.util.HashSet<>();
        n.blockedBy.values().forEach(l -> l.forEach(d -> blocking.add(d.id())));
        for (StoredDocument blocked : n.issues.values()) {
            if (Gatherer.finished(blocked) || !n.blockedBy.containsKey(blocked.id()) || blocking.contains(blocked.id())) continue;
            List<StoredDocument> chain = new ArrayList<>(List.of(blocked));
            StringBuilder text = new StringBuilder(describeIssue(blocked) + pullRequestState(blocked, n, chain));
            StoredDocument current = blocked;
            Set<String> seen = new java.util.HashSet<>(Set.of(blocked.id()));
            String joiner = " is blocked by ";
            while (n.blockedBy.containsKey(current.id())) {
                List<StoredDocument> by = n.blockedBy.get(current.id()).stream().filter(d -> !seen.contains(d.id())).toList();
                if (by.isEmpty()) break;
                chain.addAll(by);
                text.append(joiner).append(String.join(" and ", by.stream().map(d -> describeIssue(d) + pullRequestState(d, n, chain)).toList()));
                by.forEach(d -> seen.add(d.id()));
                current = by.get(0);
                joiner = ", which is blocked by ";
            }
            sheet.add(section, text + ".", chain.toArray(StoredDocument[]::new));
        }
    }

    /** " (PR #55: changes requested by Tomás Ibarra, 5 h ago)": the open PR of an issue and its latest review; adds them to {@code cited}. */
    private String pullRequestState(StoredDocument issue, Neighborhood n, List<StoredDocument> cited) {
        for (String prId : n.prsOfIssue.getOrDefault(issue.id(), List.of())) {
            StoredDocument pr = n.prs.get(prId);
            if (pr == null || pr.document().stateType() != DocumentState.OPEN) continue;
            Optional<StoredDocument> review = n.reviews.values().stream().filter(r -> prId.equals(n.reviewOf.get(r.id())))
                    .filter(r -> !"commented".equals(r.document().state())).max(Comparator.comparing(Canon::updated));
            String number = "#" + pr.document().properties().getOrDefault(PropertyKey.NUMBER.key(), pr.document().id().key());
            cited.add(pr);
            if (review.isEmpty()) return " (PR " + number + " awaits review)";
            cited.add(review.get());
            String state = review.get().document().state().replace('_', ' ');
            return " (PR " + number + ": " + state + " by " + people.displayName(review.get().document().author())
                    + ", " + Humanize.ago(Canon.updated(review.get()), now, zone) + ")";
        }
        return "";
    }

    static String describeIssue(StoredDocument d) {
        Document doc = d.document();
        String assignee = doc.property(PropertyKey.ASSIGNEE);
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
            Document doc = pr.document();
            if (doc.stateType() == DocumentState.MERGED && !recent(Canon.updated(pr))) continue; // older merges are history, reachable via the issues
            if (shown++ >= LIST_MAX * 2) break;
            String number = "#" + doc.properties().getOrDefault(PropertyKey.NUMBER.key(), doc.id().key());
            StoredDocument review = latestReview.get(pr.id());
            if (doc.stateType() == DocumentState.MERGED) {
                String at = doc.property(PropertyKey.MERGED_AT);
                sheet.add(CODE, "Merged " + number + " " + doc.title() + (at == null ? "" : " on " + at.substring(0, Math.min(10, at.length()))) + ".", pr);
            } else if (doc.stateType() == DocumentState.OPEN) {
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
        Optional<StoredDocument> latest = n.latestFinishedRun();
        if (latest.isPresent()) {
            StoredDocument run = latest.get();
            boolean compared = false;
            for (Canon.Target t : targets(canon, n)) {
                Optional<Map.Entry<String, Double>> metric = userMetrics(run).entrySet().stream()
                        .filter(e -> Mentions.metricKey(e.getKey()).equals(t.target().key())).findFirst();
                if (metric.isEmpty()) continue;
                double v = metric.get().getValue();
                boolean meets = Mentions.meets(t.target(), v);
                boolean canonical = t.source().truth() == TruthLevel.CANONICAL;
                String unit = t.target().unit().isEmpty() ? "" : (t.target().unit().equals("%") ? "%" : " " + t.target().unit());
                sheet.add(EXPERIMENTS, "Latest finished run " + run.document().title() + " (" + Humanize.ago(Canon.updated(run), now, zone) + "): "
                        + t.target().metric() + " = " + Numbers.format(v) + unit
                        + (Mentions.metricKey(metric.get().getKey()).equals(Mentions.metricKey(t.target().metric())) && !metric.get().getKey().contains("_")
                            ? "" : " (logged as " + metric.get().getKey() + ")")
                        + (meets ? ", meeting" : ", short of")
                        + (canonical ? " the canonical target " : " the target ") + t.describe()
                        + (canonical ? "" : " (from the working document " + t.source().document().title() + ", not canonical)") + ".", run, t.source());
                compared = true;
            }
            if (!compared) {
                String metrics = String.join(", ", userMetrics(run).entrySet().stream().limit(4)
                        .map(e -> e.getKey() + " = " + Numbers.format(e.getValue())).toList());
                sheet.add(EXPERIMENTS, "Latest finished run " + run.document().title() + " (" + Humanize.ago(Canon.updated(run), now, zone) + ")"
                        + (metrics.isEmpty() ? "" : ": " + metrics) + ".", run);
            }
        }
        runs.stream().filter(r -> r.document().stateType() == DocumentState.CRASHED || r.document().stateType() == DocumentState.FAILED).limit(LIST_MAX)
                .forEach(r -> {
                    String notes = r.document().properties().getOrDefault(PropertyKey.NOTES.key(), "");
                    sheet.add(EXPERIMENTS, "Run " + r.document().title() + " " + r.document().state() + " " + Humanize.ago(Canon.updated(r), now, zone)
                            + (notes.isBlank() ? "." : ": " + notes), r);
                });
        runs.stream().filter(r -> r.document().stateType() == DocumentState.RUNNING).limit(LIST_MAX)
                .forEach(r -> sheet.add(EXPERIMENTS, "Run " + r.document().title() + " is running (last heartbeat "
                        + Humanize.ago(Canon.updated(r), now, zone) + ").", r));
    }

    /** The canonical targets, then targets stated only in working documents of the subject (labelled as such). */
    private static List<Canon.Target> targets(Canon canon, Neighborhood n) {
        List<Canon.Target> out = new ArrayList<>(canon.targets());
        for (StoredDocument d : n.attached.values()) {
            if (d.truth() != TruthLevel.WORKING || d.superseded()) continue;
            for (Mentions.MetricTarget t : Mentions.metricTargets(d.document().body())) {
                if (out.stream().noneMatch(o -> o.target().key().equals(t.key()))) out.add(new Canon.Target(t, d));
            }
        }
        return out;
    }

    /** A run's metrics without W&B's system keys ({@code _runtime}, {@code _step}, {@code _timestamp}, {@code _wandb.*}). */
    static Map<String, Double> userMetrics(StoredDocument run) {
        Map<String, Double> out = new LinkedHashMap<>();
        run.document().metrics().forEach((k, v) -> { if (!k.startsWith("_") && !k.contains("/_") && !k.contains("._")) out.put(k, v); });
        return out;
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
                    + " (" + who(d.who()) + ", " + Canon.day(d.decidedAt()) + ")" + level + "."
                    + (intent.kind() == Intent.Kind.WHY ? followUps(src, d, decisions) : ""), src);
        }
    }

    /**
     * The replies that came after {@code d} in its thread and before the thread's next decision (a reply
     * answers the decision nearest before it), each with what it does to the decision, as a suffix of the
     * decision's own line: " Confirmed by Tomás Ibarra, 6 days ago: "…"." (empty when none). A reason is
     * only as good as what happened to it since (issue 15, §2), so it stays on the decision's line.
     */
    private String followUps(StoredDocument src, Decision d, List<Decision> all) {
        if (d.decidedAt() == null) return "";
        Instant next = all.stream().filter(o -> o.docId().equals(d.docId()) && o.decidedAt() != null && o.decidedAt().isAfter(d.decidedAt()))
                .map(Decision::decidedAt).min(Comparator.naturalOrder()).orElse(Instant.MAX);
        List<ThreadMessages.Message> later = ThreadMessages.read(src.document().rawJson(), u -> people.displayName("slack:" + u)).stream()
                .filter(m -> m.at() != null && m.at().isAfter(d.decidedAt()) && m.at().isBefore(next))
                .filter(m -> DecisionFollowUp.of(m.text()) != DecisionFollowUp.FOLLOWED_UP)
                .toList();
        // the newest replies matter most: what the decision stands on today
        StringBuilder sb = new StringBuilder();
        for (ThreadMessages.Message m : later.subList(Math.max(0, later.size() - FOLLOW_UPS_MAX), later.size())) {
            String verb = DecisionFollowUp.of(m.text()).verb();
            sb.append(' ').append(Character.toUpperCase(verb.charAt(0))).append(verb.substring(1)).append(" by ").append(who(m.author()))
                    .append(", ").append(Humanize.ago(m.at(), now, zone)).append(": \"").append(quote(m.text())).append("\"");
        }
        return sb.toString();
    }

    private static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > QUOTE_MAX ? t.substring(0, QUOTE_MAX - 1).stripTrailing() + "…" : t;
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
            if (chatter(d)) continue;
            Document doc = d.document();
            String when = when(d);
            if (d.superseded()) {
                // a superseded draft is named, never quoted: its dates and targets are not current
                if (working++ < LIST_MAX) sheet.add(WORKING, "Document " + doc.title() + " (superseded; not current)" + when + ".", d);
            } else if (d.truth() == TruthLevel.SCRATCHPAD) {
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

    /** " (2026-10-30, Maya Okafor)": the day a document was last updated, and its author when known. */
    private String when(StoredDocument d) {
        Document doc = d.document();
        return " (" + Canon.day(Canon.updated(d)) + (doc.author() == null ? "" : ", " + people.displayName(doc.author())) + ")";
    }

    /**
     * A lone Slack message of a few words ("Picking up RNK-22 today.", "Deploy went out."): stand-up
     * padding, not a fact about the subject. Threads with replies and longer messages stay.
     */
    static boolean chatter(StoredDocument d) {
        if (!d.document().id().source().equals("slack")) return false;
        if (!"0".equals(d.document().properties().getOrDefault(PropertyKey.REPLY_COUNT.key(), "0"))) return false;
        String text = StructuredAnswers.lastMessage(d.document().body())[1];
        return text.split("\\s+").length < 8;
    }

    private static String excerpt(Document doc) {
        String body = doc.body().isBlank() ? doc.title() : doc.body();
        int summary = body.indexOf("\n---");
        if (summary > 0) body = body.substring(0, summary); // a note's raw summary block repeats its text
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
        String name = doc.property(PropertyKey.STATE_NAME);
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
