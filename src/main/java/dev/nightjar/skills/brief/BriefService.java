package dev.nightjar.skills.brief;

import dev.nightjar.store.DocumentQueries;
import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.llm.Prose;
import dev.nightjar.model.Document;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.radar.RadarItems;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Numbers;
import dev.nightjar.skills.PersonLookup;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.Words;
import dev.nightjar.skills.ask.Canon;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.StoredDocument;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    public static final String ACTION = "Needs your action", CONFLICTS = "Conflicts and stale canonical documents", MENTIONS = "Mentions",
            EXPERIMENTS = "Experiments", MERGED = "Merged pull requests", MOVED = "Issues moved", DECISIONS = "New decisions",
            EARLIER_DECISIONS = "Earlier decisions, new replies", REPLIES = "New replies to older threads", THREADS = "New threads",
            SCRATCHPAD = "Scratchpad notes (raw thoughts, not facts)";
    /** New threads are the least ranked items: a few, so a busy channel cannot bury the facts. */
    private static final int NEW_THREADS_MAX = 5;
    private static final Set<String> GENERIC_TITLE_WORDS = Set.of("prd", "spec", "doc", "plan", "rfc", "design", "brief", "proposal");

    private final Workspace ws;
    private final Optional<LlmWriter> llm;

    public BriefService(Workspace ws, Optional<LlmWriter> llm) {
        this.ws = ws;
        this.llm = llm;
    }

    public Brief forPerson(String email, Duration window) {
        Viewer viewer = Viewer.person(PersonLookup.email(email, ws.people()), ws.people());
        Corpus corpus = corpus(viewer);
        Audience who = Audience.person(viewer, corpus);
        return build(who, corpus, ws.clock().instant().minus(window), zone(who));
    }

    public Brief forTeam(String key, Duration window) {
        Corpus corpus = corpus(Viewer.workspace());
        Audience who = Audience.team(key, ws.people(), corpus);
        return build(who, corpus, ws.clock().instant().minus(window), zone(who));
    }

    /**
     * The brief's sections for an audience made elsewhere (meeting prep: two people, or a project),
     * read as {@code reader} (only what they may see), from {@code since} to now.
     */
    public Brief forAudience(Audience who, Viewer reader, Instant since) {
        return build(who, corpus(reader), since, zone(who));
    }

    /** As {@link #forAudience(Audience, Viewer, Instant)}, with times told in {@code zone} (the reader's, not the audience's). */
    public Brief forAudience(Audience who, Viewer reader, Instant since, ZoneId zone) {
        return build(who, corpus(reader), since, zone);
    }

    private Corpus corpus(Viewer viewer) {
        return new Corpus(ws.documents(), viewer);
    }

    private Brief build(Audience who, Corpus corpus, Instant since, ZoneId zone) {
        Instant until = ws.clock().instant();
        DecisionLog decisions = ws.decisions(); // a read: the change feed keeps the log current
        List<StoredDocument> changed = corpus.select(q -> q.updatedBetween(since, until));
        Scope scope = new Scope(who, corpus, changed);
        ReaderTime time = new ReaderTime(zone, until);
        People people = new People(ws.people());
        Conversations talk = new Conversations(people, time, who, since, until);
        List<StoredDocument> threads = changed.stream().filter(d -> DocumentKind.SLACK_THREAD.is(d.document().id())).toList();
        FactSheet sheet = new FactSheet();
        // facts first (what the reader must act on, then records), conversation after, raw thoughts last
        needsAction(sheet, who, corpus, scope, changed, since, until, time, people);
        conflictsAndStale(sheet, who, corpus, scope, changed);
        talk.decisions(sheet, DECISIONS, EARLIER_DECISIONS, corpus, scope::contains, decisions.since(since),
                decisions.forDocuments(threads.stream().map(StoredDocument::id).toList()));
        experiments(sheet, corpus, scope, changed, since, time);
        merged(sheet, scope, changed, since, until, time, people);
        moved(sheet, scope, changed, since, time);
        talk.mentions(sheet, MENTIONS, threads);
        mentionsElsewhere(sheet, who, corpus, changed, since, time, people);
        MorningRank rank = new MorningRank(corpus, who, people, until);
        rank.rank(sheet, ACTION);
        rank.rank(sheet, MENTIONS);
        talk.replies(sheet, REPLIES, threads, scope::contains);
        talk.newThreads(sheet, THREADS, threads, scope::contains, NEW_THREADS_MAX);
        new RadarItems(ws.database(), corpus).addForAudience(sheet, RadarItems.SECTION, who.projects(), who.identities(), since, until);
        scratchpad(sheet, corpus, scope, changed, people);

        LlmUsage usage = LlmUsage.none();
        String prose = null;
        if (llm.isPresent() && !sheet.isEmpty()) {
            String facts = FactText.forPrompt(sheet);
            Map<String, String> slots = Map.of("audience", who.label(), "since", time.absolute(since) + " (" + time.zoneName() + ")", "facts", facts);
            Set<Integer> numbers = sheet.citations().stream().map(Citation::n).collect(Collectors.toSet());
            Prose p = llm.get().write("brief", slots, numbers, facts + "\n" + since);
            usage = LlmUsage.of(p);
            if (p.accepted()) prose = p.text().strip();
        }
        // the title names a person as people call them; the contract's audience stays their e-mail
        String heading = who.personal() ? ws.people().displayName(who.label()) : who.label();
        return new Brief(who.label(), heading, since, until, time, sheet, prose, usage);
    }

    /**
     * The zone the audience reads in: a person's own (their Slack profile), a team's most common one,
     * else the nightly job's zone, else UTC.
     */
    private ZoneId zone(Audience who) {
        if (who.personal()) {
            Optional<String> own = ws.people().timeZoneOf(who.viewer().email());
            if (own.isPresent()) return zoneId(own.get()).orElse(ZoneOffset.UTC);
        } else {
            Map<String, Long> counts = who.identities().stream().map(ws.people()::emailOf).flatMap(Optional::stream).distinct()
                    .map(ws.people()::timeZoneOf).flatMap(Optional::stream).collect(Collectors.groupingBy(z -> z, Collectors.counting()));
            Optional<ZoneId> common = counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .flatMap(e -> zoneId(e.getKey()));
            if (common.isPresent()) return common.get();
        }
        return defaultZone();
    }

    /** The zone of a reader with none of their own (the operator, a team): the nightly job's zone, else UTC. */
    public ZoneId defaultZone() {
        try {
            return ws.nightly().zoneId();
        } catch (RuntimeException e) {
            return ZoneOffset.UTC; // no readable jobs/nightly.yml: a brief still renders, in UTC
        }
    }

    /** The zone a person reads in, from their profile (Slack), or empty when no source gives a valid one. */
    public Optional<ZoneId> ownZone(String email) {
        return ws.people().timeZoneOf(email).flatMap(BriefService::zoneId);
    }

    private static Optional<ZoneId> zoneId(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
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

    private void needsAction(FactSheet sheet, Audience who, Corpus corpus, Scope scope, List<StoredDocument> changed, Instant since,
                             Instant until, ReaderTime time, People people) {
        // changes requested: the pull request's author must act, not its other reviewers
        List<StoredDocument> reviews = changed.stream().filter(d -> DocumentKind.GITHUB_REVIEW.is(d.document().id())
                && "changes_requested".equals(d.document().state())).toList();
        Map<String, String> prOf = new HashMap<>();
        for (Link l : corpus.linksFrom(reviews.stream().map(StoredDocument::id).toList(), LinkType.COMMENT_ON)) prOf.put(l.from().toString(), l.to());
        Map<String, StoredDocument> prs = Corpus.byId(corpus.findAll(prOf.values()));
        for (StoredDocument r : reviews) {
            StoredDocument pr = prs.get(prOf.get(r.id()));
            if (pr == null || pr.document().stateType() != DocumentState.OPEN || !who.identities().contains(pr.document().author())) continue;
            Instant at = sourceTime(r.document());
            if (at != null && at.isBefore(since)) continue;
            sheet.add(ACTION, "Changes requested on " + pr(pr) + " by " + people.name(r.document().author()) + (at == null ? "" : ", " + time.ago(at))
                    + (who.personal() ? "" : "; " + people.name(pr.document().author()) + " (author) to address") + ".", pr, r);
        }
        // a pending review: the requested reviewer must act
        for (StoredDocument pr : changed) {
            if (!DocumentKind.GITHUB_PR.is(pr.document().id()) || pr.document().stateType() != DocumentState.OPEN) continue;
            List<String> requested = PullRequests.requestedReviewers(pr.document()).stream().filter(who.identities()::contains).toList();
            if (requested.isEmpty()) continue;
            sheet.add(ACTION, (who.personal() ? "Your review" : "Review from " + requested.stream().map(people::name).distinct().collect(Collectors.joining(" and ")))
                    + " is requested on " + pr(pr) + " by " + people.name(pr.document().author()) + ".", pr);
        }
        // their unfinished issues with an unfinished blocker, when either side moved in the window
        Map<String, StoredDocument> issues = Corpus.byId(corpus.findAll(who.issues()));
        List<Link> blocks = corpus.linksTo(issues.keySet(), LinkType.BLOCKS);
        Map<String, StoredDocument> blockers = Corpus.byId(corpus.findAll(blocks.stream().map(l -> l.from().toString()).toList()));
        for (Link l : blocks) {
            StoredDocument blocked = issues.get(l.to()), blocker = blockers.get(l.from().toString());
            if (blocked == null || blocker == null || finished(blocked) || finished(blocker)) continue;
            if (!inWindow(blocked, since) && !inWindow(blocker, since)) continue;
            sheet.add(ACTION, blocked.document().id().key() + " " + blocked.document().title() + assignee(blocked, who, people) + " is blocked by "
                    + blocker.document().id().key() + " " + blocker.document().title() + " (" + state(blocker) + ").", blocked, blocker);
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
        List<StoredDocument> canonical = corpus.select(DocumentQueries::currentCanonical);
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
     * Mentions outside Slack (Linear issues and comments, GitHub pull requests, reviews and comments): a
     * document created in the window that names someone of the audience, said as who mentioned whom. A
     * review request is not a mention (it is under {@link #ACTION}); Slack mentions are per message in
     * {@link Conversations}.
     */
    private void mentionsElsewhere(FactSheet sheet, Audience who, Corpus corpus, List<StoredDocument> changed, Instant since, ReaderTime time,
                                   People people) {
        Set<String> refs = who.identities().stream().map(i -> "person:" + i).collect(Collectors.toSet());
        Map<String, StoredDocument> byId = Corpus.byId(changed);
        Map<String, Set<String>> mentioned = new LinkedHashMap<>();
        for (Link l : corpus.linksTo(refs, LinkType.MENTIONS)) {
            StoredDocument d = byId.get(l.from().toString());
            if (d == null || d.document().id().source().equals("slack")) continue;
            String identity = l.to().substring("person:".length());
            if (identity.equals(d.document().author()) || who.personal() && who.identities().contains(d.document().author())) continue;
            if (PullRequests.requestedReviewers(d.document()).contains(identity)) continue;
            Instant at = d.document().createdAt();
            if (at == null || at.isBefore(since)) continue;
            mentioned.computeIfAbsent(d.id(), k -> new LinkedHashSet<>()).add(identity);
        }
        for (Map.Entry<String, Set<String>> e : mentioned.entrySet()) {
            StoredDocument d = byId.get(e.getKey());
            String whom = who.personal() ? "you" : e.getValue().stream().map(people::name).distinct().collect(Collectors.joining(" and "));
            sheet.add(MENTIONS, people.name(d.document().author()) + " mentioned " + whom + " in " + d.document().title() + " ("
                    + d.document().id().source() + ", " + time.ago(d.document().createdAt()) + ").", d);
        }
    }

    private void experiments(FactSheet sheet, Corpus corpus, Scope scope, List<StoredDocument> changed, Instant since, ReaderTime time) {
        List<StoredDocument> runs = changed.stream().filter(d -> DocumentKind.WANDB_RUN.is(d.document().id()) && scope.contains(d)
                && (Set.of("finished", "crashed", "failed").contains(String.valueOf(d.document().state()))
                || d.document().stateType() == DocumentState.RUNNING && d.document().createdAt() != null && !d.document().createdAt().isBefore(since))).toList();
        if (runs.isEmpty()) return;
        Canon canon = new Canon(corpus.select(DocumentQueries::currentCanonical));
        List<StoredDocument> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing((StoredDocument d) -> d.document().stateType() == DocumentState.FINISHED).thenComparing(BriefService::updated, Comparator.reverseOrder()));
        for (StoredDocument run : ordered) {
            Document doc = run.document();
            if (doc.stateType() == DocumentState.RUNNING) {
                sheet.add(EXPERIMENTS, "Run " + doc.title() + " started " + time.ago(sourceTime(doc)) + " and is running.", run);
                continue;
            }
            if (doc.stateType() != DocumentState.FINISHED) {
                sheet.add(EXPERIMENTS, "Run " + doc.title() + " " + doc.state() + " " + time.ago(updated(run)) + ".", run);
                continue;
            }
            Optional<StoredDocument> previous = previousRun(corpus, run);
            List<String> parts = new ArrayList<>();
            List<StoredDocument> sources = new ArrayList<>(List.of(run));
            for (Map.Entry<String, Double> m : doc.metrics().entrySet()) {
                if (RunFamily.isSystemKey(m.getKey())) continue;
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

    /**
     * The latest finished run before {@code run} that it may be compared with: same project and config
     * family ({@link RunFamily}); empty when there is none, so no delta is shown rather than a wrong one.
     */
    private static Optional<StoredDocument> previousRun(Corpus corpus, StoredDocument run) {
        Map<String, String> p = run.document().properties();
        String keyPrefix = p.getOrDefault(PropertyKey.ENTITY.key(), "") + "/" + p.getOrDefault(PropertyKey.PROJECT.key(), "") + "/";
        RunFamily family = RunFamily.of(run.document());
        return corpus.select(q -> q.inState(DocumentKind.WANDB_RUN, DocumentState.FINISHED, keyPrefix, updated(run))).stream()
                .filter(d -> !d.id().equals(run.id()) && RunFamily.of(d.document()).equals(family)).findFirst();
    }

    private void merged(FactSheet sheet, Scope scope, List<StoredDocument> changed, Instant since, Instant until, ReaderTime time, People people) {
        for (StoredDocument d : changed) {
            Document doc = d.document();
            if (!DocumentKind.GITHUB_PR.is(doc.id()) || doc.stateType() != DocumentState.MERGED || !scope.contains(d)) continue;
            Instant at = parse(doc.property(PropertyKey.MERGED_AT)).orElse(doc.updatedAt());
            if (at == null || at.isBefore(since) || at.isAfter(until)) continue;
            sheet.add(MERGED, "Merged " + pr(d) + " by " + people.name(doc.author()) + ", " + time.ago(at) + ".", d);
        }
    }

    private void moved(FactSheet sheet, Scope scope, List<StoredDocument> changed, Instant since, ReaderTime time) {
        for (StoredDocument d : changed) {
            Document doc = d.document();
            if (!DocumentKind.LINEAR_ISSUE.is(doc.id()) || !scope.contains(d)) continue;
            Optional<String> moved = stateChange(d, since, time);
            moved.ifPresent(text -> sheet.add(MOVED, doc.id().key() + " " + doc.title() + " " + text + ".", d));
        }
    }

    /** A state change inside the window: a completion/start/cancel time in it, or a stored version that changed the state in it. */
    private Optional<String> stateChange(StoredDocument d, Instant since, ReaderTime time) {
        Map<String, String> p = d.document().properties();
        for (String[] k : new String[][]{{"completed_at", "done"}, {"canceled_at", "canceled"}, {"started_at", "started"}}) {
            Optional<Instant> at = parse(p.get(k[0]));
            if (at.isPresent() && !at.get().isBefore(since)) return Optional.of("moved to " + k[1] + " " + time.ago(at.get()));
        }
        return ws.documents().versions(d.id()).stream().filter(v -> !v.at().isBefore(since) && v.changes().startsWith("state:"))
                .reduce((a, b) -> b).map(v -> "changed " + v.changes().split(";")[0] + " " + time.ago(v.at()));
    }

    /**
     * Scratchpad thoughts of the window, one item each: a note made from a scratchpad-channel message
     * stands for that message (the message is not listed again), named by its author's name.
     */
    private void scratchpad(FactSheet sheet, Corpus corpus, Scope scope, List<StoredDocument> changed, People people) {
        List<StoredDocument> raw = changed.stream().filter(d -> d.truth() == dev.nightjar.model.TruthLevel.SCRATCHPAD && scope.contains(d)).toList();
        Set<String> madeInto = new LinkedHashSet<>();
        List<String> notes = raw.stream().filter(d -> d.document().id().source().equals("nightjar")).map(StoredDocument::id).toList();
        for (Link l : corpus.linksFrom(notes, LinkType.REFERENCES)) madeInto.add(l.to());
        for (StoredDocument d : raw) {
            if (madeInto.contains(d.id())) continue;
            Document doc = d.document();
            String by = doc.properties().containsKey(PropertyKey.BY.key()) ? people.nameOfEmail(doc.property(PropertyKey.BY)) : people.name(doc.author());
            String text = doc.body().lines().map(String::strip).filter(x -> !x.isEmpty()).findFirst().orElse(doc.title())
                    .replaceFirst("^[A-Z][\\p{L}.'-]*(?: [A-Z][\\p{L}.'-]*){0,3}: ", "");
            sheet.add(SCRATCHPAD, "Scratchpad note by " + by + ": " + Conversations.quote(text), d);
        }
    }

    /** "#55 RNK-130: Shadow-traffic evaluation of the reranker". */
    private static String pr(StoredDocument pr) {
        return "#" + pr.document().properties().getOrDefault(PropertyKey.NUMBER.key(), pr.document().id().key()) + " " + pr.document().title();
    }

    /** " (Lena Novak)" in a team brief, where the reader needs to know whose issue it is; nothing in a person's own brief. */
    private static String assignee(StoredDocument issue, Audience who, People people) {
        if (who.personal()) return "";
        String a = issue.document().property(PropertyKey.ASSIGNEE);
        return a == null || a.isBlank() ? "" : " (" + (a.contains(":") ? people.name(a) : a) + ")";
    }

    /** When a record was made at its source (a review's submission, a comment's creation). */
    private static Instant sourceTime(Document d) {
        return d.createdAt() != null ? d.createdAt() : d.updatedAt();
    }

    /** The one definition of finished ({@link DocumentState#isFinished()}): a blocker merged or closed on GitHub blocks nothing. */
    private static boolean finished(StoredDocument d) {
        return d.document().stateType().isFinished();
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
