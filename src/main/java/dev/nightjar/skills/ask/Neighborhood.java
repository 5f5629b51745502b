package dev.nightjar.skills.ask;

import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the walk reached from a subject, all visible to the reader: the planning documents
 * (initiative, projects, or the issue itself), issues, pull requests, reviews, runs, status updates,
 * blockers (possibly outside the subject) and attached documents (Notion pages, Slack threads,
 * comments, scratchpad notes).
 */
public final class Neighborhood {

    final List<StoredDocument> planning = new ArrayList<>();
    final Map<String, StoredDocument> issues = new LinkedHashMap<>();
    final Map<String, StoredDocument> prs = new LinkedHashMap<>();
    final Map<String, StoredDocument> reviews = new LinkedHashMap<>();
    final Map<String, StoredDocument> runs = new LinkedHashMap<>();
    /** Runs only a W&B project's name brought (no link to the subject's issues or pull requests). */
    final java.util.Set<String> runsByNameOnly = new java.util.LinkedHashSet<>();
    final Map<String, StoredDocument> updates = new LinkedHashMap<>();
    final Map<String, StoredDocument> attached = new LinkedHashMap<>();
    /** Linear comments on the issues (records: what people said on the issue) */
    final Map<String, StoredDocument> comments = new LinkedHashMap<>();
    /** for an issue subject: the unfinished issues it blocks */
    final List<StoredDocument> blocks = new ArrayList<>();
    /** blocked issue id → its visible blockers */
    final Map<String, List<StoredDocument>> blockedBy = new LinkedHashMap<>();
    /** issue id → the PRs that name it */
    final Map<String, List<String>> prsOfIssue = new LinkedHashMap<>();
    /**
     * For a free topic no document matches by its words: the documents nearest in meaning (dense vectors), most similar
     * first. Kept apart from the rest so they are told as what they are, never as facts about the subject.
     */
    final Map<String, StoredDocument> byMeaning = new LinkedHashMap<>();
    /** review id → PR id */
    final Map<String, String> reviewOf = new LinkedHashMap<>();

    /**
     * The run the subject's targets are judged by, for the status and the verdict alike: the latest finished run of
     * the subject's own work (linked to its issues or pull requests), else the latest finished run the W&B project's
     * name brought. Why linked first: an initiative was judged by an exploratory run of its W&B project while its
     * project, asked about, was judged by its training run, and the two answers contradicted each other (a trial finding).
     */
    java.util.Optional<StoredDocument> latestFinishedRun() {
        java.util.Comparator<StoredDocument> newest = java.util.Comparator.comparing(Canon::updated);
        java.util.function.Predicate<StoredDocument> finished = r -> r.document().stateType() == dev.nightjar.model.DocumentState.FINISHED;
        return runs.values().stream().filter(finished).filter(r -> !runsByNameOnly.contains(r.id())).max(newest)
                .or(() -> runs.values().stream().filter(finished).max(newest));
    }

    public List<StoredDocument> all() {
        Map<String, StoredDocument> all = new LinkedHashMap<>();
        planning.forEach(d -> all.put(d.id(), d));
        for (Map<String, StoredDocument> m : List.of(issues, prs, reviews, runs, updates, attached, comments)) all.putAll(m);
        blockedBy.values().forEach(l -> l.forEach(d -> all.putIfAbsent(d.id(), d)));
        return List.copyOf(all.values());
    }

    public List<StoredDocument> planning() {
        return List.copyOf(planning);
    }

    public Map<String, StoredDocument> issues() {
        return issues;
    }

    public Map<String, StoredDocument> byMeaning() {
        return byMeaning;
    }

    public Map<String, StoredDocument> attached() {
        return attached;
    }

    public Map<String, StoredDocument> prs() {
        return prs;
    }

    public Map<String, StoredDocument> runs() {
        return runs;
    }
}
