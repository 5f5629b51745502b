package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Facts as people write them: vague dates, moves, units, metric name variants, sections, typos. */
class FuzzyFactsTest {

    static final LocalDate REF = LocalDate.of(2026, 11, 25);

    @Test
    void vagueDatesResolveToTheRangeTheyCanMean() {
        assertThat(Mentions.fuzzyDates("we may have to push the rollout to early February.", REF)).singleElement().satisfies(f -> {
            assertThat(f.what()).isEqualTo("launch");
            assertThat(f.from()).isEqualTo(LocalDate.of(2027, 2, 1));
            assertThat(f.to()).isEqualTo(LocalDate.of(2027, 2, 9));
            assertThat(f.phrase()).isEqualTo("early February");
        });
        assertThat(Mentions.fuzzyDates("Launch mid-month instead.", REF)).singleElement()
                .satisfies(f -> assertThat(f.from()).isEqualTo(LocalDate.of(2026, 12, 11)));
        assertThat(Mentions.fuzzyDates("Realistically we ship by end of Q1.", REF)).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo(LocalDate.of(2027, 2, 15));
            assertThat(f.to()).isEqualTo(LocalDate.of(2027, 3, 31));
        });
        assertThat(Mentions.fuzzyDates("The launch moves to next sprint.", REF)).singleElement().satisfies(f -> {
            assertThat(f.from()).isEqualTo(LocalDate.of(2026, 12, 9));
            assertThat(f.to()).isEqualTo(LocalDate.of(2026, 12, 22));
        });
        // "may" the verb is no month; a date without a purpose is no plan; an exact date is not vague
        assertThat(Mentions.fuzzyDates("We may launch later.", REF)).isEmpty();
        assertThat(Mentions.fuzzyDates("Offsite in early February.", REF)).isEmpty();
        assertThat(Mentions.fuzzyDates("Launch on February 3.", REF)).isEmpty();
    }

    @Test
    void movesOfAPlannedDateAreCountedInDays() {
        assertThat(Mentions.shifts("The launch will slip two weeks.")).singleElement().satisfies(s -> assertThat(s.days()).isEqualTo(14));
        assertThat(Mentions.shifts("Rollout two weeks later than planned.")).singleElement().satisfies(s -> assertThat(s.days()).isEqualTo(14));
        assertThat(Mentions.shifts("Push it by a month.")).singleElement().satisfies(s -> assertThat(s.days()).isEqualTo(30));
    }

    @Test
    void targetsKeepTheirUnitsAndNameVariantsMeetTheirMetrics() {
        assertThat(Mentions.metricTargets("Target: ndcg@10 ≥ 0.42 on the held-out set, with p95 latency ≤ 25 ms."))
                .extracting(Mentions.MetricTarget::describe).containsExactly("ndcg@10 ≥ 0.42", "p95 latency ≤ 25 ms");
        Mentions.MetricTarget p99 = Mentions.metricTargets("Target: p99 response time under 40 ms at 2,000 QPS.").get(0);
        assertThat(p99.describe()).isEqualTo("p99 response time < 40 ms");
        assertThat(p99.key()).isEqualTo(Mentions.metricKey("resp_time_p99_ms"));
        assertThat(Mentions.metricKey("p95_latency_ms")).isEqualTo(Mentions.metricKey("p95 latency"));
        assertThat(Mentions.metricKey("eval/ndcg@10")).isEqualTo("ndcg10");
        assertThat(Mentions.meets(p99, 38)).isTrue();
        assertThat(Mentions.meets(p99, 41)).isFalse();
    }

    @Test
    void sectionHeadingsAndTogglesScopeTheirLines() {
        String prd = """
                # Neural reranker
                Status: Approved.
                ## Launch
                We launch on 2026-12-16.
                Fallback
                  If the reranker misses the latency budget we ship LightGBM.
                  - Owner: Maya Okafor
                ## Retrieval
                Hybrid BM25 + dense.
                """;
        assertThat(Sections.lines(prd)).extracting(Sections.Line::scope)
                .containsExactly(null, null, null, "Fallback", "Fallback", "Retrieval");
        assertThat(Mentions.owners(Sections.unscoped(prd))).isEmpty();
    }

    @Test
    void namesMatchThroughTypos() {
        assertThat(Words.fuzzyOverlap("Neural reranker launch", Words.significant("wher do we stnd on the nueral rerankr lanch?")).matched()).isEqualTo(3);
        assertThat(Words.fuzzyOverlap("Payment retries", Words.significant("paymnt retrys status")).matched()).isEqualTo(2);
        assertThat(Words.fuzzyOverlap("Query understanding", Words.significant("GPU capacity")).matched()).isZero();
    }

    @Test
    void timesAreHumanised() {
        java.time.Instant now = java.time.Instant.parse("2026-11-25T06:30:00Z");
        assertThat(Humanize.ago(now.minusSeconds(5 * 3600), now, java.time.ZoneOffset.UTC)).isEqualTo("5 h ago");
        assertThat(Humanize.ago(now.minusSeconds(3 * 86400), now, java.time.ZoneOffset.UTC)).isEqualTo("3 days ago");
        assertThat(Humanize.ago(now.minusSeconds(40 * 86400), now, java.time.ZoneId.of("Asia/Tokyo"))).isEqualTo("on 2026-10-16");
    }
}
