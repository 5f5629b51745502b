package dev.nightjar.skills.brief;

import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.llm.Prose;
import dev.nightjar.model.Document;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Numbers;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.Words;
import dev.nightjar.skills.ask.Canon;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The morning brief of a person or a team: what changed inside the window, in sections ranked by what
 * the reader must act on (blockers and changes requested on their work, then conflicts and stale
 * canonical documents they own, mentions, experiments, merges, issue moves, decisions, scratchpad
 * items). Only documents whose source time falls inside the window are presented, so nothing older
 * reads as new.
 */
public final class BriefService {

    static final String ACTION = "Needs your action", CONFLICTS = "Conflicts and stale canonical documents", MENTIONS = "Mentions",
            EXPERIMENTS = "Experiments", MERGED = "Merged pull requests", MOVED = "Issues moved", DECISIONS = "New decisions",
            SCRATCHPAD = "Scratchpad notes (raw thoughts, not facts)";
    private static final Set<String> GENERIC_TITLE_WORDS = Set.of("prd", "spec", "doc", "plan", "rfc", "design", "brief", "proposal");

    private final Workspace ws;
    private final Optional<LlmWriter> llm;

    public BriefService(Workspace ws, Optional<LlmWriter> llm) {
        this.ws = ws;
        this.llm = llm;
    }

    public static BriefService of(Workspace ws) {
        return new BriefService(ws, LlmWriter.from(ws.env(), ws.config(), ws.database(), ws.clock()));
    }

    public Brief forPerson(String email, Duration window) {
        Viewer viewer = Viewer.person(email, ws.people());
        Corpus corpus = corpus(viewer);
        return build(Audience.person(viewer, corpus), corpus, window);
    }

    public Brief forTeam(String key, Duration window) {
        Corpus corpus = corpus(Viewer.workspace());
        return build(Audience.team(key, ws.people(), corpus), corpus, window);
    }

    private Corpus corpus(Viewer viewer) {
        return new Corpus(ws.documents(), ws.database(), viewer);
    }

    private Brief build(Audience who, Corpus corpus, Duration window) {
        Instant until = ws.clock().instant();
        Instant since = until.minus(window);
        DecisionLog decisions = new DecisionLog(ws.database(), ws.documents(), ws.clock());
        decisions.refresh();
        List<StoredDocument> changed = corpus.query("updated_at >= ? AND updated_at <= ? AND deleted_at IS NULL ORDER BY updated_at DESC",
                since.atOffset(ZoneOffset.UTC), until.atOffset(ZoneOffset.UTC));
        Scope scope = new Scope(who, corpus, changed);
        FactSheet sheet = new FactSheet();
        needsAction(sheet, who, corpus, scope, changed, since);
        conflictsAndStale(sheet, who, corpus, scope, changed);
        mentions(sheet, who, corpus, changed, since);
        experiments(sheet, corpus, scope, changed);
        merged(sheet, scope, changed, since, until);
        moved(sheet, scope, changed, since);
        decisions(sheet, corpus, scope, decisions.since(since));
        scratchpad(sheet, who, scope, changed);

        LlmUsage usage = LlmUsage.none();
        String prose = null;
        if (llm.isPresent() && !sheet.isEmpty()) {
            String facts = FactText.forPrompt(sheet);
            Map<String, String> slots = Map.of("audience", who.label(), "since", since.toString(), "facts", facts);
            Set<Integer> numbers = sheet.citations().stream().map(Citation::n).collect(Collectors.toSet());
            Prose p = llm.get().write("brief", slots, numbers, facts + "\n" + since);
            usage = LlmUsage.of(p);
            if (p.accepted()) prose = p.text().strip();
        }
        return new Brief(who.label(), since, until, sheet, prose, usage);
    }

    /** What belongs to the audience: their people, issues and projects, and documents linking to those issues. */
    private static final class Scope {
        final Audience who;
        final Set<String> linkedToIssues = new LinkedHashSet<>();

        Scope(Audience who, Corpus corpus, List<StoredDocument> changed) {
            this.who = who;
            List<String> ids = changed.stream().map(StoredDocument::id).toList();
            for (Link l : corpus.linksFrom(ids)) if (who.issues().contains(l.to()) || who.projects().contains(l.to())) linkedToIssues.add(l.from().toString());
        }

        boolean people(Document d) {
            return (d.author() != null && who.identities().contains(d.author())) || d.participants().stream().anyMatch(who.identities()::contains);
        }

        boolean contains(StoredDocument d) {
            Document doc = d.document();
            return who.issues().contains(d.id()) || who.projects().contains(d.id()) || people(doc)
                    || doc.projects().stream().anyMatch(who.projects()::contains) || linkedToIssues.contains(d.id());
        }
    }

    private void needsAction(FactSheet sheet, Audience who, Corpus corpus, Scope scope, List<StoredDocument> changed, Instant since) {
        // changes requested on their pull requests
        List<StoredDocument> reviews = changed.stream().filter(d -> d.document().id().sourceKind().equals("github:review")
                && "changes_requested".equals(d.document().state())).toList();
        Map<String, String> prOf = new HashMap<>();
        for (Link l : corpus.linksFrom(reviews.stream().map(StoredDocument::id).toList(), LinkType.COMMENT_ON)) prOf.put(l.from().toString(), l.to());
        Map<String, StoredDocument> prs = Corpus.byId(corpus.findAll(prOf.values()));
        for (StoredDocument r : reviews) {
            StoredDocument pr = prs.get(prOf.get(r.id()));
            if (pr == null || !scope.people(pr.document()) && !scope.contains(pr)) continue;
            sheet.add(ACTION, "Changes requested on #" + pr.document().properties().getOrDefault("number", pr.document().id().key()) + " "
                    + pr.document().title() + " by " + ws.people().displayName(r.document().author()) + ".", pr, r);
        }
        // their unfinished issues with an unfinished blocker, when either side moved in the window
        Map<String, StoredDocument> issues = Corpus.byId(corpus.findAll(who.issues()));
        List<Link> blocks = corpus.linksTo(issues.keySet(), LinkType.BLOCKS);
        Map<String, StoredDocument> blockers = Corpus.byId(corpus.findAll(blocks.stream().map(l -> l.from().toString()).toList()));
        for (Link l : blocks) {
            StoredDocument blocked = issues.get(l.to()), blocker = blockers.get(l.from().toString());
            if (blocked == null || blocker == null || finished(blocked) || finished(blocker)) continue;
            if (!inWindow(blocked, since) && !inWindow(blocker, since)) continue;
            sheet.add(ACTION, blocked.document().id().key() + " " + blocked.document().title() + " is blocked by " + blocker.document().id().key()
                    + " " + blocker.document().title() + " (" + state(blocker) + ").", blocked, blocker);
        }
        // actions routed to them from scratchpad notes
        if (who.personal()) {
            Set<String> mine = new LinkedHashSet<>();
            for (Link l : corpus.linksTo(who.identities().stream().map(i -> "person:" + i).toList(), LinkType.ASSIGNED_TO)) {
                if (l.from().source().equals("nightjar")) mine.add(l.from().toString());
            }
            for (StoredDocument note : changed) {
                if (!mine.contains(note.id())) continue;
                for (String line : note.document().body().lines().filter(x -> x.startsWith("Action: ")).toList()) {
                    if (who.identities().stream().anyMatch(line::contains)) {
                        sheet.add(ACTION, "From a scratchpad note (not confirmed): " + line.substring("Action: ".length()), note);
                    }
                }
            }
        }
    }

    private void conflictsAndStale(FactSheet sheet, Audience who, Corpus corpus, Scope scope, List<StoredDocument> changed) {
        List<StoredDocument> canonical = corpus.query("truth_level = 'canonical' AND superseded_by IS NULL AND deleted_at IS NULL");
        for (StoredDocument c : canonical) {
            if (c.stale() && scope.people(c.document())) {
                sheet.add(CONFLICTS, c.document().title() + " is canonical but past its review date (" + Canon.day(c.reviewBy())
                        + "); review or re-mark it.", c);
            }
        }
        for (StoredDocument c : canonical) {
            Set<String> subject = Words.significant(c.document().title());
            subject.removeAll(GENERIC_TITLE_WORDS);
            if (subject.isEmpty()) continue;
            List<StoredDocument> related = changed.stream().filter(d -> scope.contains(d)
                    && Words.significant(d.document().title() + " " + d.document().body()).containsAll(subject)).toList();
            new Canon(List.of(c)).conflicts(sheet, related);
        }
        // conflicts are kept apart by the sheet; mirror them into the section so they read as items
        for (var conflict : sheet.conflicts()) {
            StoredDocument[] sides = conflict.citations().stream().map(n -> sheet.citations().get(n - 1).docId())
                    .map(id -> corpus.find(id).orElseThrow()).toArray(StoredDocument[]::new);
            sheet.add(CONFLICTS, "Conflict: " + conflict.text(), sides);
        }
    }

    /**
     * A document and who wrote it. A thread started before the window that changed inside it is a new
     * reply on an old thread: named as such, with the reply's own time and writer (the latest version's).
     */
    private String describe(StoredDocument d, Instant since) {
        Document doc = d.document();
        if (doc.id().sourceKind().equals("slack:thread") && doc.createdAt() != null && doc.createdAt().isBefore(since) && doc.updatedAt() != null && !doc.updatedAt().isBefore(since)) {
            List<dev.nightjar.store.DocumentStore.Version> versions = ws.documents().versions(d.id());
            String by = versions.isEmpty() ? null : versions.get(versions.size() - 1).by();
            return "a new reply" + (by == null ? "" : " by " + ws.people().displayName(by)) + " (" + doc.updatedAt() + ") on "
                    + doc.title() + ", started by " + ws.people().displayName(doc.author()) + " on " + doc.createdAt().toString().substring(0, 10);
        }
        return doc.title() + " by " + ws.people().displayName(doc.author());
    }

    private void mentions(FactSheet sheet, Audience who, Corpus corpus, List<StoredDocument> changed, Instant since) {
        Set<String> refs = who.identities().stream().map(i -> "person:" + i).collect(Collectors.toSet());
        Map<String, StoredDocument> byId = Corpus.byId(changed);
        Set<String> mentioning = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(refs, LinkType.MENTIONS)) if (byId.containsKey(l.from().toString())) mentioning.add(l.from().toString());
        for (String id : mentioning) {
            StoredDocument d = byId.get(id);
            if (d.document().author() != null && who.identities().contains(d.document().author()) && who.personal()) continue;
            sheet.add(MENTIONS, (who.personal() ? "You were mentioned in " : "The team was mentioned in ") + describe(d, since) + " ("
                    + d.truth().label() + ").", d);
        }
    }

    private void experiments(FactSheet sheet, Corpus corpus, Scope scope, List<StoredDocument> changed) {
        List<StoredDocument> runs = changed.stream().filter(d -> d.document().id().sourceKind().equals("wandb:run") && scope.contains(d)
                && Set.of("finished", "crashed", "failed").contains(String.valueOf(d.document().state()))).toList();
        if (runs.isEmpty()) return;
        Canon canon = new Canon(corpus.query("truth_level = 'canonical' AND superseded_by IS NULL AND deleted_at IS NULL"));
        List<StoredDocument> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing((StoredDocument d) -> "finished".equals(d.document().state())).thenComparing(BriefService::updated, Comparator.reverseOrder()));
        for (StoredDocument run : ordered) {
            Document doc = run.document();
            if (!"finished".equals(doc.state())) {
                sheet.add(EXPERIMENTS, "Run " + doc.title() + " " + doc.state() + " at " + updated(run) + ".", run);
                continue;
            }
            Optional<StoredDocument> previous = previousRun(corpus, run);
            List<String> parts = new ArrayList<>();
            List<StoredDocument> sources = new ArrayList<>(List.of(run));
            for (Map.Entry<String, Double> m : doc.metrics().entrySet()) {
                Optional<Canon.Target> target = canon.target(Mentions.metricKey(m.getKey()));
                boolean prevHas = previous.isPresent() && previous.get().document().metrics().containsKey(m.getKey());
                if (target.isEmpty() && !prevHas) continue;
                StringBuilder p = new StringBuilder(m.getKey() + " = " + Numbers.format(m.getValue()));
                if (prevHas) {
                    double before = previous.get().document().metrics().get(m.getKey());
                    p.append(" (").append(Numbers.delta(m.getValue() - before)).append(" vs ").append(previous.get().document().title()).append(')');
                    if (!sources.contains(previous.get())) sources.add(previous.get());
                }
                if (target.isPresent()) {
                    p.append(Mentions.meets(target.get().target(), m.getValue()) ? ", meets" : ", short of").append(" the target ")
                            .append(target.get().describe());
                    if (!sources.contains(target.get().source())) sources.add(target.get().source());
                }
                parts.add(p.toString());
                if (parts.size() >= 3) break;
            }
            sheet.add(EXPERIMENTS, "Run " + doc.title() + " finished" + (parts.isEmpty() ? "" : ": " + String.join("; ", parts)) + ".",
                    sources.toArray(StoredDocument[]::new));
        }
    }

    /** The latest finished run of the same W&B project before {@code run}. */
    private static Optional<StoredDocument> previousRun(Corpus corpus, StoredDocument run) {
        Map<String, String> p = run.document().properties();
        String prefix = "wandb:run:" + p.getOrDefault("entity", "") + "/" + p.getOrDefault("project", "") + "/";
        return corpus.query("id LIKE ? AND state = 'finished' AND updated_at < ? AND deleted_at IS NULL ORDER BY updated_at DESC",
                prefix.replace("%", "\\%").replace("_", "\\_") + "%", updated(run).atOffset(ZoneOffset.UTC)).stream()
                .filter(d -> !d.id().equals(run.id())).findFirst();
    }

    private void merged(FactSheet sheet, Scope scope, List<StoredDocument> changed, Instant since, Instant until) {
        for (StoredDocument d : changed) {
            Document doc = d.document();
            if (!doc.id().sourceKind().equals("github:pr") || !"merged".equals(doc.state()) || !scope.contains(d)) continue;
            Instant at = parse(doc.properties().get("merged_at")).orElse(doc.updatedAt());
            if (at == null || at.isBefore(since) || at.isAfter(until)) continue;
            sheet.add(MERGED, "Merged #" + doc.properties().getOrDefault("number", doc.id().key()) + " " + doc.title() + " by "
                    + ws.people().displayName(doc.author()) + " at " + at + ".", d);
        }
    }

    private void moved(FactSheet sheet, Scope scope, List<StoredDocument> changed, Instant since) {
        for (StoredDocument d : changed) {
            Document doc = d.document();
            if (!doc.id().sourceKind().equals("linear:issue") || !scope.contains(d)) continue;
            Optional<String> moved = stateChange(d, since);
            moved.ifPresent(text -> sheet.add(MOVED, doc.id().key() + " " + doc.title() + " " + text + ".", d));
        }
    }

    /** A state change inside the window: a completion/start/cancel time in it, or a stored version that changed the state in it. */
    private Optional<String> stateChange(StoredDocument d, Instant since) {
        Map<String, String> p = d.document().properties();
        for (String[] k : new String[][]{{"completed_at", "done"}, {"canceled_at", "canceled"}, {"started_at", "started"}}) {
            Optional<Instant> at = parse(p.get(k[0]));
            if (at.isPresent() && !at.get().isBefore(since)) return Optional.of("moved to " + k[1] + " at " + at.get());
        }
        return ws.documents().versions(d.id()).stream().filter(v -> !v.at().isBefore(since) && v.changes().startsWith("state:"))
                .reduce((a, b) -> b).map(v -> "changed " + v.changes().split(";")[0] + " (at " + v.at() + ")");
    }

    private void decisions(FactSheet sheet, Corpus corpus, Scope scope, List<Decision> recent) {
        Map<String, StoredDocument> sources = Corpus.byId(corpus.findAll(recent.stream().map(Decision::docId).toList()));
        for (Decision d : recent) {
            StoredDocument src = sources.get(d.docId());
            if (src == null || !scope.contains(src)) continue;
            String who = d.who() == null ? "someone" : d.who().contains(":") ? ws.people().displayName(d.who()) : d.who();
            sheet.add(DECISIONS, "Decision: " + d.text() + (d.why() == null ? " (no reason given)" : "; why: " + d.why()) + " (" + who + ", "
                    + src.truth().label() + ").", src);
        }
    }

    private void scratchpad(FactSheet sheet, Audience who, Scope scope, List<StoredDocument> changed) {
        for (StoredDocument d : changed) {
            if (d.truth() != dev.nightjar.model.TruthLevel.SCRATCHPAD || !scope.contains(d)) continue;
            String text = d.document().body().lines().findFirst().orElse(d.document().title()).strip();
            sheet.add(SCRATCHPAD, "Scratchpad note by " + ws.people().displayName(d.document().author()) + ": "
                    + (text.length() > 200 ? text.substring(0, 199) + "…" : text), d);
        }
    }

    private static boolean finished(StoredDocument d) {
        String s = d.document().state();
        return s != null && (s.equals("done") || s.equals("canceled"));
    }

    private static String state(StoredDocument d) {
        return d.document().state() == null ? "unknown" : d.document().state().replace('_', ' ');
    }

    private static boolean inWindow(StoredDocument d, Instant since) {
        return !updated(d).isBefore(since);
    }

    private static Instant updated(StoredDocument d) {
        return d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt();
    }

    private static Optional<Instant> parse(String iso) {
        if (iso == null || iso.isBlank()) return Optional.empty();
        try {
            return Optional.of(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(iso.substring(0, Math.min(10, iso.length()))).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
