package dev.nightjar.skills.prep;

import dev.nightjar.Workspace;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Document;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Fact;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.PersonLookup;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.brief.Audience;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.skills.brief.Conversations;
import dev.nightjar.skills.brief.People;
import dev.nightjar.store.IdentityJoin;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What a lead needs before a 1:1 or a project sync, in the brief's shape: open items between the two
 * people (or on the project: reviews waiting, blocked issues, mentions still unanswered), decisions since the last meeting with their why, what changed on their
 * projects, conflicts and stale canonical documents, the threads both took part in, and questions
 * still open in scratchpad notes.
 * The sections are gathered by {@link BriefService} for an audience made here, read as the asker, so
 * private content reaches only those who may read it; this class picks and regroups them.
 */
public final class PrepService {

    public static final String OPEN = "Open between you", OPEN_ITEMS = "Open items", DECISIONS = "Decisions since the last sync",
            CHANGED = "What changed on their projects",
            TALKED = "Threads you were both in", CONFLICTS = BriefService.CONFLICTS, QUESTIONS = "Open questions from scratchpad notes";
    /** The window when neither {@code --since} nor a last meeting is known: a week, the usual 1:1 and sync cadence. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private final Workspace ws;
    private final BriefService briefs;

    public PrepService(Workspace ws, BriefService briefs) {
        this.ws = ws;
        this.briefs = briefs;
    }

    /**
     * A 1:1 between {@code asker} and the person with {@code email}. With the operator as asker (no
     * {@code --as}) the open items are everything open on that person's side.
     *
     * @throws ConfigException unknown e-mail (exit 2), with the nearest known address when there is one
     */
    public Prep with(String email, Viewer asker, Optional<Duration> window) {
        Viewer other = person(email);
        Corpus corpus = new Corpus(ws.documents(), asker);
        Audience theirs = Audience.person(other, corpus);
        Set<String> mine = asker.email() == null ? Set.of() : Viewer.person(asker.email(), ws.people()).identities();
        Set<String> ids = new LinkedHashSet<>(theirs.identities());
        ids.addAll(mine);
        // third person throughout ("Review from Maya Okafor is requested"): the asker reads about two people
        Audience pair = new Audience(other.email(), Viewer.workspace(), ids, theirs.issues(), theirs.projects());
        Predicate<StoredDocument> ofBoth = d -> involves(d, theirs.identities()) && (mine.isEmpty() || involves(d, mine));
        Window w = window(corpus, window, ofBoth, "1:1");
        AskerZone zone = zone(asker);
        Brief brief = briefs.forAudience(pair, asker, w.since(), zone.zone());
        String name = ws.people().person(other.email()).map(IdentityJoin.Person::name).filter(n -> n != null && !n.isBlank()).orElse(other.email());
        String open = mine.isEmpty() ? OPEN_ITEMS : OPEN;
        Map<String, Consumer<FactSheet>> more = new LinkedHashMap<>();
        more.put(open, unanswered(corpus, theirs.identities(), mine, w.since(), brief, open));
        more.put(CONFLICTS, conflicts(corpus, pair.projects(), w.since()));
        if (!mine.isEmpty()) more.put(TALKED, sharedThreads(corpus, theirs.identities(), mine, w.since(), brief));
        return new Prep("1:1 with " + name, w.basis(), zone.basis(), regroup(brief, corpus, open, f -> citesBoth(f, brief, corpus, theirs.identities(), mine), more));
    }

    /** Times in the asker's zone (they read the prep), else the workspace's; {@code basis} says which, for the header. */
    private record AskerZone(ZoneId zone, String basis) {
    }

    private AskerZone zone(Viewer asker) {
        if (asker.email() == null) return new AskerZone(briefs.defaultZone(), "the workspace's zone; --as EMAIL for a person's own");
        return briefs.ownZone(asker.email()).map(z -> new AskerZone(z, "your zone"))
                .orElseGet(() -> new AskerZone(briefs.defaultZone(), "the workspace's zone; none in your profile"));
    }

    /**
     * Adds the conflicts about {@code projects} found as {@code ask} finds them ({@link ProjectConflicts}),
     * each once: one the brief already holds is not repeated.
     */
    private Consumer<FactSheet> conflicts(Corpus corpus, Set<String> projects, Instant since) {
        FactSheet found = new FactSheet();
        new ProjectConflicts(corpus, ws.index(), ws.people()).find(projects, since, found);
        return sheet -> {
            for (var c : found.conflicts()) {
                String text = "Conflict: " + c.text();
                if (sheet.facts().stream().anyMatch(f -> f.section().equals(CONFLICTS) && f.text().equals(text))) continue;
                sheet.add(CONFLICTS, text, corpus.findAll(c.citations().stream().map(n -> found.citations().get(n - 1).docId()).toList())
                        .toArray(StoredDocument[]::new));
            }
        };
    }

    /** Adds the threads both sides were in ({@link SharedThreads}) that no fact of the section cites yet. */
    private Consumer<FactSheet> sharedThreads(Corpus corpus, Set<String> one, Set<String> other, Instant since, Brief brief) {
        SharedThreads threads = new SharedThreads(corpus, new People(ws.people()));
        List<StoredDocument> shared = threads.between(one, other, since, ws.clock().instant());
        return sheet -> {
            Set<String> told = new HashSet<>();
            sheet.facts().stream().filter(f -> f.section().equals(TALKED)).forEach(f -> f.citations().forEach(n -> told.add(sheet.citations().get(n - 1).docId())));
            for (StoredDocument t : shared) if (!told.contains(t.id())) sheet.add(TALKED, threads.line(t, brief), t);
        };
    }

    /**
     * Adds the mentions between {@code one} and {@code other} still unanswered, oldest first. A mention is
     * open until answered, however old the window (within {@link UnansweredMentions#LOOKBACK}), so these
     * take the place of the brief's mentions, which are the window's whether answered or not.
     */
    private Consumer<FactSheet> unanswered(Corpus corpus, Set<String> one, Set<String> other, Instant since, Brief brief, String open) {
        Instant now = ws.clock().instant();
        Instant from = since.isBefore(now.minus(UnansweredMentions.LOOKBACK)) ? since : now.minus(UnansweredMentions.LOOKBACK);
        List<UnansweredMentions.Pending> pending = new UnansweredMentions(corpus, ws.people()).between(one, other, from, now);
        return sheet -> pending.forEach(p -> sheet.add(open, unanswered(p, brief), p.doc()));
    }

    /** "Tomás Ibarra mentioned Maya Okafor in #rnk-team, 14 h ago; no answer from Maya Okafor since: "…"". */
    private String unanswered(UnansweredMentions.Pending p, Brief b) {
        People people = new People(ws.people());
        Document d = p.doc().document();
        String where = DocumentKind.SLACK_THREAD.is(d.id()) ? Conversations.channel(p.doc()) : d.title() + " (" + d.id().source() + ")";
        String mentioned = people.name(p.mentioned());
        return people.name(p.mentioner()) + " mentioned " + mentioned + " in " + where + ", " + b.time().ago(p.at()) + "; no answer from "
                + mentioned + " since: \"" + Conversations.quote(p.text()) + "\"";
    }

    /**
     * A sync on the Linear project named {@code name} (its title, any case): its issues, its lead and
     * the people its issues are assigned to.
     *
     * @throws ConfigException unknown project (exit 2), with the nearest project title when there is one
     */
    public Prep project(String name, Viewer asker, Optional<Duration> window) {
        Corpus corpus = new Corpus(ws.documents(), asker);
        List<StoredDocument> projects = corpus.select(q -> q.ofKinds(List.of(DocumentKind.LINEAR_PROJECT)));
        StoredDocument project = projects.stream().filter(p -> p.document().title().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new ConfigException("unknown project " + name + ": no Linear project has this name"
                        + PersonLookup.didYouMean(name, projects.stream().map(p -> p.document().title()).toList())));
        Set<String> issues = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(List.of(project.id()), LinkType.PART_OF)) if (l.from().toString().startsWith(DocumentKind.LINEAR_ISSUE.prefix())) issues.add(l.from().toString());
        corpus.select(q -> q.namingProject(project.id(), List.of(DocumentKind.LINEAR_ISSUE)))
                .forEach(d -> issues.add(d.id()));
        Set<String> ids = new LinkedHashSet<>();
        for (Link l : corpus.linksFrom(concat(project.id(), issues), LinkType.ASSIGNED_TO)) {
            String identity = l.to().substring("person:".length());
            ids.add(identity);
            ws.people().emailOf(identity).ifPresent(e -> ids.addAll(ws.people().identitiesOf(e)));
        }
        Audience team = new Audience(project.document().title(), Viewer.workspace(), ids, issues, Set.of(project.id()));
        String title = project.document().title().toLowerCase(Locale.ROOT);
        Window w = window(corpus, window, d -> (d.document().title() + "\n" + d.document().body()).toLowerCase(Locale.ROOT).contains(title), "sync");
        AskerZone zone = zone(asker);
        Brief brief = briefs.forAudience(team, asker, w.since(), zone.zone());
        Map<String, Consumer<FactSheet>> more = new LinkedHashMap<>();
        more.put(OPEN_ITEMS, unanswered(corpus, ids, ids, w.since(), brief, OPEN_ITEMS));
        more.put(CONFLICTS, conflicts(corpus, team.projects(), w.since()));
        return new Prep(project.document().title() + " sync", w.basis(), zone.basis(), regroup(brief, corpus, OPEN_ITEMS, f -> true, more));
    }

    private record Window(Instant since, String basis) {
    }

    private Window window(Corpus corpus, Optional<Duration> asked, Predicate<StoredDocument> belongs, String meeting) {
        Instant now = ws.clock().instant();
        if (asked.isPresent()) return new Window(now.minus(asked.get()), "the asked window");
        Optional<StoredDocument> last = LastMeeting.before(corpus, now, belongs);
        if (last.isPresent()) return new Window(LastMeeting.held(last.get()), "since the last " + meeting + " (" + last.get().document().title() + ")");
        return new Window(now.minus(DEFAULT_WINDOW), "the last 7 days (no earlier " + meeting + " found in the store)");
    }

    /**
     * The brief's sections as a meeting needs them; the brief's mentions are left out: the unanswered
     * mentions come from {@code more}, which adds to each of its sections right after the brief's facts
     * (open items: unanswered mentions; conflicts: those {@code ask} finds; threads both were in).
     */
    private static Brief regroup(Brief b, Corpus corpus, String open, Predicate<Fact> openBetween, Map<String, Consumer<FactSheet>> more) {
        Map<String, String> into = new LinkedHashMap<>();
        into.put(BriefService.ACTION, open);
        into.put(BriefService.DECISIONS, DECISIONS);
        into.put(BriefService.EARLIER_DECISIONS, DECISIONS);
        into.put(BriefService.EXPERIMENTS, CHANGED);
        into.put(BriefService.MERGED, CHANGED);
        into.put(BriefService.MOVED, CHANGED);
        into.put(BriefService.CONFLICTS, CONFLICTS);
        into.put(BriefService.SCRATCHPAD, QUESTIONS);
        into.put(BriefService.THREADS, TALKED);
        into.put(BriefService.REPLIES, TALKED);
        FactSheet sheet = new FactSheet();
        // sections in meeting order: what is open between the two first, raw thoughts last
        for (String section : List.of(open, DECISIONS, CHANGED, CONFLICTS, TALKED, QUESTIONS)) {
            for (Fact f : b.sheet().facts()) {
                if (!section.equals(into.get(f.section()))) continue;
                if ((section.equals(open) || section.equals(TALKED)) && !openBetween.test(f)) continue;
                if (section.equals(TALKED) && open.equals(OPEN_ITEMS)) continue; // a sync, or no asker: no "both" to speak of
                if (section.equals(QUESTIONS) && !f.text().contains("?")) continue; // a question still open, not a passing thought
                StoredDocument[] sources = corpus.findAll(f.citations().stream().map(n -> b.citations().get(n - 1).docId()).toList())
                        .toArray(StoredDocument[]::new);
                if (sources.length > 0) sheet.add(section, f.text(), sources);
            }
            more.getOrDefault(section, none -> { }).accept(sheet);
        }
        return new Brief(b.audience(), b.since(), b.until(), b.time(), sheet, null, b.llm());
    }

    /** Whether the documents a fact cites, together, involve someone of each side. */
    private static boolean citesBoth(Fact f, Brief b, Corpus corpus, Set<String> theirs, Set<String> mine) {
        List<StoredDocument> docs = corpus.findAll(f.citations().stream().map(n -> b.citations().get(n - 1).docId()).toList());
        return docs.stream().anyMatch(d -> involves(d, theirs)) && (mine.isEmpty() || docs.stream().anyMatch(d -> involves(d, mine)));
    }

    /** Someone of {@code ids} wrote the document or takes part in it (assignee, reviewer, replier, mentioned). */
    static boolean involves(StoredDocument d, Set<String> ids) {
        Document doc = d.document();
        return (doc.author() != null && ids.contains(doc.author())) || doc.participants().stream().anyMatch(ids::contains);
    }

    private Viewer person(String emailOrName) {
        return Viewer.person(PersonLookup.email(emailOrName, ws.people()), ws.people());
    }

    private static List<String> concat(String first, Set<String> rest) {
        Set<String> all = new HashSet<>(rest);
        all.add(first);
        return all.stream().sorted(Comparator.naturalOrder()).toList();
    }
}
