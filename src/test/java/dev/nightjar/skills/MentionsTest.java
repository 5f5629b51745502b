package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MentionsTest {

    static final LocalDate REF = LocalDate.of(2026, 11, 25);

    @Test
    void datesInTheUsualSpellingsCountOnlyWithAPurpose() {
        assertThat(Mentions.dates("Target launch: 2026-12-15.", REF)).singleElement()
                .satisfies(m -> {
                    assertThat(m.date()).isEqualTo(LocalDate.of(2026, 12, 15));
                    assertThat(m.what()).isEqualTo("launch");
                });
        assertThat(Mentions.dates("We ship on December 1, 2026.", REF)).extracting(Mentions.DateMention::date).containsExactly(LocalDate.of(2026, 12, 1));
        assertThat(Mentions.dates("Deadline 15 Jan 2027", REF)).singleElement().satisfies(m -> assertThat(m.what()).isEqualTo("deadline"));
        // no year: the next such date on or after the document's date
        assertThat(Mentions.dates("push the launch to Jan 12", REF)).extracting(Mentions.DateMention::date).containsExactly(LocalDate.of(2027, 1, 12));
        assertThat(Mentions.dates("launch still planned for Dec 15.", REF)).extracting(Mentions.DateMention::date).containsExactly(LocalDate.of(2026, 12, 15));
        // a date with no plan word is not a plan; an impossible date is not a date
        assertThat(Mentions.dates("Met with Lee on 2026-11-20.", REF)).isEmpty();
        assertThat(Mentions.dates("launch 2026-13-45", REF)).isEmpty();
    }

    @Test
    void ownersAreNamedPeople() {
        assertThat(Mentions.owners("Owner: Dana Kim. Reviewers: all")).containsExactly("Dana Kim");
        assertThat(Mentions.owners("this is owned by Lee Park now")).containsExactly("Lee Park");
        assertThat(Mentions.owners("the owner is unclear")).isEmpty();
    }

    @Test
    void metricTargetsInTheUsualSpellings() {
        assertThat(Mentions.metricTargets("Success metric: NDCG@10 ≥ 0.42 on the offline eval set.")).singleElement().satisfies(t -> {
            assertThat(t.metric()).isEqualTo("NDCG@10");
            assertThat(t.key()).isEqualTo("ndcg10");
            assertThat(t.comparator()).isEqualTo("≥");
            assertThat(t.value()).isEqualTo(0.42);
        });
        assertThat(Mentions.metricTargets("NDCG@10 target 0.40.")).singleElement().satisfies(t -> assertThat(t.value()).isEqualTo(0.40));
        assertThat(Mentions.metricTargets("We target recall@5 of 0.8")).singleElement().satisfies(t -> assertThat(t.key()).isEqualTo("recall5"));
        assertThat(Mentions.metricTargets("p95_latency <= 40 ms")).singleElement().satisfies(t -> {
            assertThat(t.comparator()).isEqualTo("≤");
            assertThat(Mentions.meets(t, 38)).isTrue();
            assertThat(Mentions.meets(t, 41)).isFalse();
        });
        // a date after "target launch" is not a metric
        assertThat(Mentions.metricTargets("Target launch: 2026-12-15.")).isEmpty();
        assertThat(Mentions.metricKey("eval/ndcg@10")).isEqualTo("ndcg10");
    }
}
