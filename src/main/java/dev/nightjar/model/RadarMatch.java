package dev.nightjar.model;

import java.time.Instant;
import java.util.List;

/**
 * A paper judged relevant to a project (or initiative, or canonical PRD), with the reason.
 *
 * @param paperId        {@code arxiv:paper:<id>}
 * @param targetId       the project's, initiative's or PRD's document id
 * @param score          the combined score the threshold is applied to (see {@link PaperMatcher})
 * @param semantic       cosine similarity of the paper and the target as wholes, in [-1, 1]
 * @param sharedTerms    significant words both sides use
 * @param paperSentence  the paper's sentence closest in meaning to the target
 * @param targetSentence the target's sentence it matched
 * @param matchedAt      when the nightly job matched them
 */
public record RadarMatch(String paperId, String targetId, double score, double semantic, List<String> sharedTerms,
                         String paperSentence, String targetSentence, Instant matchedAt) {

    public RadarMatch {
        sharedTerms = List.copyOf(sharedTerms);
    }
}
