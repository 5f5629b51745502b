package dev.nightjar.skills.ask;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Words;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graph walk from a subject along the store's links, batched per hop: initiative → projects →
 * issues (and sub-issues) → PRs, comments, threads and runs that reference them → reviews of the PRs →
 * runs at the PRs' commits; blockers up the BLOCKS chain; Notion pages that link the project's URL;
 * W&B runs of a W&B project named like the subject; and, for what no link reaches, a Lucene search
 * on the subject's name. Every document passes through {@link Corpus}, so the reader's ACL applies to
 * each one.
 */
public final class Gatherer {

    private static final int BLOCKER_DEPTH = 4;
    private static final int TOPICAL_HITS = 20;
    private static final int RUNS_BY_NAME = 50;
    /** How many nearest vectors a free topic looks at for documents that share none of its words. */
    static final int NEAREST_BY_MEANING = 5;
    /** Cosine (e5-small-v2) a neighbour without shared words needs; measured on the evaluation's questions (BENCHMARKS.md). */
    static final double MIN_SIMILARITY = 0.83;

    private final Corpus corpus;
    private final DocumentIndex index;
    private final PeopleDirectory people;

    public Gatherer(Corpus corpus, DocumentIndex index, PeopleDirectory people) {
        this.corpus = corpus;
        this.index = index;
        this.people = people;
    }

    public Neighborhood gather(Subject subject) {
        Neighborhood n = new Neighborhood();
        switch (subject.kind()) {
            case "initiative", "project" -> planning(subject, n);
            case "issue" -> issue(subject, n);
            case "person" -> person(subject, n);
            default -> topical(subject.title(), n, false);
        }
        dropNotedOriginals(n);
        return n;
    }

    /** A scratchpad message that has become a structured note is told once, through the note. */
    private void dropNotedOriginals(Neighborhood n) {
        List<String> notes = n.attached.keySet().stream().filter(id -> DocumentKind.NIGHTJAR_NOTE.is(id)).toList();
        if (notes.isEmpty()) return;
        for (Link l : corpus.linksFrom(notes, LinkType.REFERENCES)) n.attached.remove(l.to());
    }

    private void planning(Subject subject, Neighborhood n) {
        StoredDocument root = corpus.find(subject.docId()).orElseThrow();
        n.planning.add(root);
        if (subject.kind().equals("initiative")) {
            List<String> projectIds = corpus.linksTo(List.of(root.id()), LinkType.PART_OF).stream()
                    .map(l -> l.from().toString()).filter(id -> DocumentKind.LINEAR_PROJECT.is(id)).toList();
            n.planning.addAll(corpus.findAll(projectIds));
        }
        List<String> planningIds = n.planning.stream().map(StoredDocument::id).toList();
        List<Link> toPlanning = corpus.linksTo(planningIds);
        Set<String> issueIds = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (Link l : toPlanning) {
            String from = l.from().toString();
            if (DocumentKind.LINEAR_ISSUE.is(from) && l.type() == LinkType.PART_OF) issueIds.add(from);
            else if (!DocumentKind.LINEAR_PROJECT.is(from)) other.add(from);
        }
        for (StoredDocument p : n.planning) {
            if (p.document().url() != null) corpus.linksToPrefix("url:" + trimSlash(p.document().url())).forEach(l -> other.add(l.from().toString()));
        }
        // notes and comments that name the project in their `projects` but carry no link
        for (String id : planningIds) {
            corpus.select(q -> q.namingProject(id, DocumentKind.NAMING_PROJECTS)).forEach(d -> other.add(d.id()));
        }
        issueIds.addAll(corpus.linksTo(issueIds, LinkType.PART_OF).stream().map(l -> l.from().toString())
                .filter(id -> DocumentKind.LINEAR_ISSUE.is(id)).toList());
        addIssues(n, issueIds);
        attach(n, corpus.findAll(other));
        aroundIssues(n);
        runsByProjectName(n, subject.title());
        topical(subject.title(), n, true);
    }

    private void issue(Subject subject, Neighborhood n) {
        StoredDocument issue = corpus.find(subject.docId()).orElseThrow();
        n.planning.add(issue);
        Set<String> ids = new LinkedHashSet<>(List.of(issue.id()));
        ids.addAll(corpus.linksTo(ids, LinkType.PART_OF).stream().map(l -> l.from().toString())
                .filter(id -> DocumentKind.LINEAR_ISSUE.is(id)).toList());
        addIssues(n, ids);
        aroundIssues(n);
        // what the issue holds up, one hop down the BLOCKS links
        List<String> downstream = corpus.linksFrom(List.of(issue.id()), LinkType.BLOCKS).stream().map(Link::to).toList();
        for (StoredDocument d : corpus.findAll(downstream)) if (!finished(d)) n.blocks.add(d);
    }

    private void person(Subject subject, Neighborhood n) {
        Set<String> identities = people.identitiesOf(subject.key());
        List<String> refs = identities.stream().map(i -> "person:" + i).toList();
        Set<String> assigned = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(refs, LinkType.ASSIGNED_TO)) {
            String from = l.from().toString();
            if (DocumentKind.LINEAR_ISSUE.is(from)) assigned.add(from);
            else if (DocumentKind.LINEAR_PROJECT.is(from) || DocumentKind.LINEAR_INITIATIVE.is(from)) n.planning.addAll(corpus.findAll(List.of(from)));
        }
        addIssues(n, assigned);
        for (StoredDocument d : corpus.select(q -> q.authoredBy(identities, List.of(DocumentKind.GITHUB_PR, DocumentKind.WANDB_RUN)))) {
            (d.document().is(DocumentKind.GITHUB_PR) ? n.prs : n.runs).put(d.id(), d);
        }
        aroundIssues(n);
    }

    private void addIssues(Neighborhood n, Set<String> ids) {
        for (StoredDocument d : corpus.findAll(ids)) n.issues.put(d.id(), d);
    }

    /** PRs, comments, threads and runs that name the issues; reviews of the PRs; runs at their commits; blockers. */
    void aroundIssues(Neighborhood n) {
        Set<String> issueIds = n.issues.keySet();
        Set<String> prIds = new LinkedHashSet<>(n.prs.keySet());
        Set<String> other = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(issueIds, LinkType.REFERENCES, LinkType.CLOSES, LinkType.COMMENT_ON)) {
            String from = l.from().toString();
            if (DocumentKind.GITHUB_PR.is(from)) {
                prIds.add(from);
                n.prsOfIssue.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(from);
            } else if (!DocumentKind.LINEAR_ISSUE.is(from)) other.add(from);
        }
        for (StoredDocument d : corpus.findAll(prIds)) n.prs.put(d.id(), d);
        List<Link> reviews = corpus.linksTo(n.prs.keySet(), LinkType.COMMENT_ON);
        for (Link l : reviews) if (DocumentKind.GITHUB_REVIEW.is(l.from())) n.reviewOf.put(l.from().toString(), l.to());
        for (StoredDocument d : corpus.findAll(n.reviewOf.keySet())) n.reviews.put(d.id(), d);
        Set<String> commits = new LinkedHashSet<>();
        for (Link l : corpus.linksFrom(n.prs.keySet(), LinkType.AT_COMMIT)) commits.add(l.to());
        Set<String> runIds = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(commits, LinkType.AT_COMMIT)) if (l.from().source().equals("wandb")) runIds.add(l.from().toString());
        for (String id : other) if (DocumentKind.WANDB_RUN.is(id)) runIds.add(id);
        for (StoredDocument d : corpus.findAll(runIds)) n.runs.put(d.id(), d);
        other.removeIf(id -> DocumentKind.WANDB_RUN.is(id));
        attach(n, corpus.findAll(other));
        blockers(n);
    }

    private void attach(Neighborhood n, List<StoredDocument> docs) {
        for (StoredDocument d : docs) {
            String kind = d.document().id().kind();
            if (kind.equals("project-update") || kind.equals("initiative-update")) n.updates.put(d.id(), d);
            else if (kind.equals("comment") && d.document().id().source().equals("linear")) n.comments.put(d.id(), d);
            else if (kind.equals("review")) continue;
            else if (kind.equals("pr")) n.prs.put(d.id(), d);
            else if (kind.equals("run")) n.runs.put(d.id(), d);
            else if (!kind.equals("issue") && !kind.equals("project") && !kind.equals("initiative")) n.attached.put(d.id(), d);
        }
    }

    /** The BLOCKS chain above every unfinished issue, hop by hop (one query per hop). */
    private void blockers(Neighborhood n) {
        Set<String> frontier = new LinkedHashSet<>();
        for (StoredDocument d : n.issues.values()) if (!finished(d)) frontier.add(d.id());
        Set<String> seen = new LinkedHashSet<>(frontier);
        for (int depth = 0; depth < BLOCKER_DEPTH && !frontier.isEmpty(); depth++) {
            Map<String, List<String>> blockersOf = new LinkedHashMap<>();
            for (Link l : corpus.linksTo(frontier, LinkType.BLOCKS)) blockersOf.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l.from().toString());
            Set<String> all = new LinkedHashSet<>();
            blockersOf.values().forEach(all::addAll);
            Map<String, StoredDocument> found = Corpus.byId(corpus.findAll(all));
            Set<String> next = new LinkedHashSet<>();
            blockersOf.forEach((blocked, ids) -> {
                List<StoredDocument> open = ids.stream().map(found::get).filter(d -> d != null && !finished(d)).toList();
                if (!open.isEmpty()) n.blockedBy.put(blocked, open);
                for (StoredDocument d : open) if (seen.add(d.id())) next.add(d.id());
            });
            frontier = next;
        }
        // the blockers' own pull requests and their reviews: "blocked by RNK-130, whose PR #55 has changes requested"
        Set<String> outside = new LinkedHashSet<>();
        n.blockedBy.values().forEach(l -> l.forEach(d -> { if (!n.issues.containsKey(d.id())) outside.add(d.id()); }));
        if (outside.isEmpty()) return;
        Set<String> prIds = new LinkedHashSet<>();
        for (Link l : corpus.linksTo(outside, LinkType.REFERENCES, LinkType.CLOSES)) {
            String from = l.from().toString();
            if (!DocumentKind.GITHUB_PR.is(from)) continue;
            prIds.add(from);
            n.prsOfIssue.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(from);
        }
        for (StoredDocument d : corpus.findAll(prIds)) n.prs.putIfAbsent(d.id(), d);
        for (Link l : corpus.linksTo(prIds, LinkType.COMMENT_ON)) if (DocumentKind.GITHUB_REVIEW.is(l.from())) n.reviewOf.put(l.from().toString(), l.to());
        for (StoredDocument d : corpus.findAll(n.reviewOf.keySet())) n.reviews.putIfAbsent(d.id(), d);
    }

    /**
     * W&B runs whose W&B project is named by a distinctive word of the subject ("ranker" for "Ranker v2"),
     * the latest {@value #RUNS_BY_NAME} per word; the SQL pre-filter on the properties JSON keeps this one query per word.
     */
    private void runsByProjectName(Neighborhood n, String title) {
        for (String word : Words.significant(title)) {
            if (word.length() < 4) continue;
            for (StoredDocument d : corpus.select(q -> q.latestWithPropertyContaining(DocumentKind.WANDB_RUN, PropertyKey.PROJECT, word, RUNS_BY_NAME))) {
                String project = d.document().properties().getOrDefault(PropertyKey.PROJECT.key(), "");
                if (Words.significant(project.replace('-', ' ').replace('_', ' ')).contains(word) && n.runs.putIfAbsent(d.id(), d) == null) {
                    n.runsByNameOnly.add(d.id());
                }
            }
        }
    }

    /** Documents no link reaches but whose text names the subject (all of its significant words). */
    private void topical(String text, Neighborhood n, boolean requireAllWords) {
        if (text == null || text.isBlank()) return;
        Set<String> words = Words.significant(text);
        List<SearchHit> hits = index.search(SearchRequest.of(text, TOPICAL_HITS).visibleTo(corpus.viewer().searchFilter()));
        List<String> ids = hits.stream().map(SearchHit::id).toList();
        for (StoredDocument d : corpus.findAll(ids)) {
            if (!d.truth().aboutTheTeam()) continue; // a paper is read by the research radar, never as where the team stands
            if (!requireAllWords && words.size() > 1) {
                // a free topic: a hit sharing under half of its words, or one word of two, is noise ("budget" in "Budget review moved")
                Set<String> docWords = Words.significant(d.document().title() + " " + d.document().body());
                long shared = words.stream().filter(docWords::contains).count();
                if (shared < Math.min(2, words.size()) || shared * 2 < words.size()) continue;
            }
            if (requireAllWords) {
                Set<String> docWords = Words.significant(d.document().title() + " " + d.document().body());
                if (!docWords.containsAll(words)) continue;
                String source = d.document().id().source();
                if (!source.equals("notion") && !source.equals("slack") && !source.equals("nightjar")) continue;
            }
            add(n, d, requireAllWords);
        }
        if (!requireAllWords) byMeaning(text, words, n);
    }

    private void add(Neighborhood n, StoredDocument d, boolean subjectKnown) {
        String kind = d.document().id().kind();
        if (kind.equals("issue") && !subjectKnown) n.issues.putIfAbsent(d.id(), d);
        else if (kind.equals("initiative") || kind.equals("project")) {
            if (!subjectKnown) n.planning.add(d);
        } else attach(n, List.of(d));
    }

    /**
     * For a free topic, the documents nearest in meaning that share none of its words ("page load time" for a page
     * about LCP): among the {@value #NEAREST_BY_MEANING} nearest vectors, those at least {@value #MIN_SIMILARITY} similar
     * (cosine, e5-small-v2). A neighbour that shares a word was already judged by the keyword rule above, so
     * an answer keywords give keeps its facts; nothing when vectors are off. Count and threshold: BENCHMARKS.md,
     * "Semantic retrieval" (the nearest similarities of the evaluation's free-topic questions).
     */
    private void byMeaning(String text, Set<String> words, Neighborhood n) {
        if (!index.hasVectors()) return;
        List<SearchHit> near = index.nearest(SearchRequest.of(text, NEAREST_BY_MEANING).visibleTo(corpus.viewer().searchFilter()));
        List<String> ids = near.stream().filter(h -> h.similarity() >= MIN_SIMILARITY).map(SearchHit::id).toList();
        Map<String, StoredDocument> found = Corpus.byId(corpus.findAll(ids));
        for (String id : ids) {
            StoredDocument d = found.get(id);
            if (d == null || !d.truth().aboutTheTeam() || n.all().contains(d)) continue;
            Set<String> docWords = Words.significant(d.document().title() + " " + d.document().body());
            if (words.stream().noneMatch(docWords::contains)) n.byMeaning.putIfAbsent(id, d);
        }
    }

    /** The one definition of finished ({@link dev.nightjar.model.DocumentState#isFinished()}). */
    static boolean finished(StoredDocument d) {
        return d.document().stateType().isFinished();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
