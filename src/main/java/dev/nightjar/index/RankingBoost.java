package dev.nightjar.index;

import dev.nightjar.model.TruthLevel;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The non-textual half of ranking. A hit's final score is
 * <pre>
 *   score = BM25(title^2, body) × truth × flags × recency
 *   truth   = 2.0 canonical, 1.5 record, 1.0 working, 0.5 scratchpad
 *   flags   = 0.3 if superseded, 0.8 if stale (both multiply)
 *   recency = 1 + 0.5 × 2^(−age_days / 30)     (1.5 for today, 1.25 a month ago, → 1.0)
 * </pre>
 * Truth dominates recency on purpose: a canonical document outranks a newer scratchpad note unless
 * the note matches the query four times better. Recency only breaks ties between similar matches.
 * With query text, the boost re-ranks the best BM25 matches (see {@code DocumentSearch#ranked}; with vectors on, that list is then
 * fused with the nearest-vector list by rank); without,
 * it ranks everything.
 */
final class RankingBoost extends DoubleValuesSource {

    static final double[] TRUTH_WEIGHT = {2.0, 1.5, 1.0, 0.5, 0.5}; // by TruthLevel ordinal; reference weighs like scratchpad
    static final double HALF_LIFE_DAYS = 30;

    private final long nowMillis;

    RankingBoost(Clock clock) {
        this.nowMillis = clock.millis();
    }

    static double weight(TruthLevel level, boolean stale, boolean superseded, long updatedMillis, long nowMillis) {
        double w = TRUTH_WEIGHT[level.ordinal()];
        if (superseded) w *= 0.3;
        if (stale) w *= 0.8;
        double ageDays = Math.max(0, nowMillis - updatedMillis) / 86_400_000.0;
        return w * (1 + 0.5 * Math.pow(2, -ageDays / HALF_LIFE_DAYS));
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues truth = DocValues.getNumeric(ctx.reader(), IndexFields.TRUTH_RANK);
        NumericDocValues penalty = DocValues.getNumeric(ctx.reader(), IndexFields.PENALTY);
        NumericDocValues updated = DocValues.getNumeric(ctx.reader(), IndexFields.UPDATED);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                int rank = truth.advanceExact(doc) ? (int) truth.longValue() : TruthLevel.WORKING.ordinal();
                long flags = penalty.advanceExact(doc) ? penalty.longValue() : 0;
                long time = updated.advanceExact(doc) ? updated.longValue() : 0;
                value = weight(TruthLevel.values()[rank], (flags & 1) != 0, (flags & 2) != 0, time, nowMillis);
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return false; // depends on the clock
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RankingBoost r && r.nowMillis == nowMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(nowMillis);
    }

    @Override
    public String toString() {
        return "truth×flags×recency";
    }
}
