package dev.nightjar.truth;

import dev.nightjar.model.Document;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.store.CanonicalStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Truth for documents as they are written: the policy plus a snapshot of admin marks (one query per
 * batch rather than one per document). Supersession across documents is left to {@link TruthRefresher}.
 */
public final class TruthAssessor implements Function<Document, TruthAssessment> {

    private final TruthPolicy policy;
    private final Map<String, CanonicalStore.Mark> marks = new HashMap<>();
    private final Clock clock;

    public TruthAssessor(TruthPolicy policy, CanonicalStore canonical, Clock clock) {
        this.policy = policy;
        this.clock = clock;
        for (CanonicalStore.Mark m : canonical.all()) marks.put(m.docId(), m);
    }

    @Override
    public TruthAssessment apply(Document d) {
        return policy.assess(d, Optional.ofNullable(marks.get(d.id().toString())), clock.instant());
    }
}
