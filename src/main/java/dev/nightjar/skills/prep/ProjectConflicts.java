package dev.nightjar.skills.prep;

import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.ask.Canon;
import dev.nightjar.skills.ask.Gatherer;
import dev.nightjar.skills.ask.Neighborhood;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The conflicts about a prep's projects, found as {@code ask} finds them: each project's neighbourhood
 * ({@link Gatherer}: its issues, linked pages, threads and notes that name it) checked against its
 * current canonical documents ({@link Canon}). The brief's own check only pairs a canonical document
 * with changed documents that repeat all of its title's words, so a note saying "the reranker launch"
 * never met the "Neural reranker PRD"; the neighbourhood reaches it. Only conflicts whose newer side
 * changed inside the window are told: a prep is about what moved since the last meeting.
 */
record ProjectConflicts(Corpus corpus, DocumentIndex index, PeopleDirectory people) {

    /**
     * Adds to {@code sheet} (its conflicts, see {@link FactSheet#conflicts()}) the conflicts about each
     * Linear project of {@code projectIds} the reader may see, with a lower-truth side updated at or after {@code since}.
     */
    void find(Collection<String> projectIds, Instant since, FactSheet sheet) {
        for (StoredDocument project : corpus.findAll(List.copyOf(projectIds))) {
            Subject subject = new Subject("project", project.document().id().key(), project.document().title(), project.id(), List.of());
            Neighborhood n = new Gatherer(corpus, index, people).gather(subject);
            List<StoredDocument> all = n.all();
            List<StoredDocument> changed = all.stream().filter(d -> !Canon.updated(d).isBefore(since)).toList();
            new Canon(all).conflicts(sheet, changed);
        }
    }
}
