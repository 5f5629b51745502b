package dev.nightjar.truth;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-applies the truth policy to the whole store: rules and admin marks, staleness (which changes with
 * the clock alone) and supersession among canonical documents of one subject. Only documents whose
 * verdict changed are written, so a quiet night costs one read pass. This is the job's "truth" step and
 * runs after every canonical mark.
 */
public final class TruthRefresher {

    private final DocumentStore store;
    private final CanonicalStore marks;
    private final TruthPolicy policy;
    private final Clock clock;

    public TruthRefresher(DocumentStore store, CanonicalStore marks, TruthPolicy policy, Clock clock) {
        this.store = store;
        this.marks = marks;
        this.policy = policy;
        this.clock = clock;
    }

    public record Result(int updated, int canonical, int stale, int superseded) {
    }

    public Result refresh() {
        Instant now = clock.instant();
        Map<String, CanonicalStore.Mark> marked = new HashMap<>();
        for (CanonicalStore.Mark m : marks.all()) marked.put(m.docId(), m);

        List<StoredDocument> all = store.currentMetadata(); // rules read metadata and titles, never bodies
        Map<String, TruthAssessment> verdicts = new HashMap<>();
        Map<String, List<StoredDocument>> canonicalBySubject = new HashMap<>();
        for (StoredDocument d : all) {
            TruthAssessment t = policy.assess(d.document(), Optional.ofNullable(marked.get(d.id())), now);
            verdicts.put(d.id(), t);
            if (t.level() == TruthLevel.CANONICAL) {
                String subject = marked.containsKey(d.id()) ? marked.get(d.id()).subject() : Subjects.of(d, store);
                canonicalBySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, String> supersededBy = new HashMap<>();
        Map<String, StoredDocument> currentBySubject = new HashMap<>();
        canonicalBySubject.forEach((subject, group) -> {
            StoredDocument current = group.stream().max(currency(marked)).orElseThrow();
            currentBySubject.put(subject, current);
            for (StoredDocument d : group) if (d != current) supersededBy.put(d.id(), current.id());
        });
        supersedeOlderDrafts(all, verdicts, currentBySubject, supersededBy);
        int updated = 0, canonical = 0, stale = 0, superseded = 0;
        for (StoredDocument d : all) {
            TruthAssessment t = verdicts.get(d.id());
            String by = supersededBy.get(d.id());
            if (t.level() == TruthLevel.CANONICAL) canonical++;
            if (t.stale()) stale++;
            if (by != null) superseded++;
            if (d.truth() != t.level() || d.stale() != t.stale() || !Objects.equals(d.supersededBy(), by)
                    || !Objects.equals(d.truthReason(), t.reason()) || !Objects.equals(d.reviewBy(), t.reviewBy())) {
                store.updateTruth(d.id(), t, by);
                updated++;
            }
        }
        return new Result(updated, canonical, stale, superseded);
    }

    /**
     * An older document of the same kind on the subject of a current canonical one (the draft of an
     * approved PRD, in the same Notion data source) is superseded too: it must never supply a current
     * value. Only documents of the canonical one's source, kind and data source are candidates, so notes
     * or tickets that merely mention the subject are not affected.
     */
    private void supersedeOlderDrafts(List<StoredDocument> all, Map<String, TruthAssessment> verdicts,
                                      Map<String, StoredDocument> currentBySubject, Map<String, String> supersededBy) {
        if (currentBySubject.isEmpty()) return;
        Map<String, List<StoredDocument>> currentByShape = new HashMap<>();
        currentBySubject.values().forEach(c -> currentByShape.computeIfAbsent(shape(c), k -> new ArrayList<>()).add(c));
        for (StoredDocument d : all) {
            List<StoredDocument> sameShape = currentByShape.get(shape(d));
            if (sameShape == null || verdicts.get(d.id()).level() == TruthLevel.CANONICAL) continue;
            String subject = Subjects.of(d, store);
            StoredDocument current = currentBySubject.get(subject);
            if (current != null && sameShape.contains(current) && updated(d).isBefore(updated(current))) {
                supersededBy.put(d.id(), current.id());
            }
        }
    }

    private static String shape(StoredDocument d) {
        return d.document().id().sourceKind() + "|" + d.document().properties().getOrDefault(PropertyKey.DATA_SOURCE.key(), "");
    }

    private static Instant updated(StoredDocument d) {
        return d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt();
    }

    /**
     * Which canonical document of a subject is current: an admin-marked one beats a rule match, the
     * most recent mark wins among marked ones (the admin's latest word), else the most recently updated.
     */
    private static Comparator<StoredDocument> currency(Map<String, CanonicalStore.Mark> marked) {
        Comparator<StoredDocument> byUpdate = Comparator.comparing(
                d -> d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt());
        return Comparator.comparing((StoredDocument d) -> marked.containsKey(d.id()))
                .thenComparing(d -> marked.containsKey(d.id()) ? marked.get(d.id()).markedAt() : java.time.Instant.EPOCH)
                .thenComparing(byUpdate);
    }
}
