package dev.nightjar.skills.brief;

import dev.nightjar.skills.decisions.DecisionFollowUp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small rules a brief's wording rests on: reader's time, follow-up verbs, chatter, run families. */
class BriefWordingTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    final ReaderTime london = new ReaderTime(ZoneId.of("Europe/London"), NOW);
    final ReaderTime seoul = new ReaderTime(ZoneId.of("Asia/Seoul"), NOW);

    @Test
    void timesAreHumanisedInTheReadersZone() {
        assertThat(london.ago(NOW.minusSeconds(20))).isEqualTo("just now");
        assertThat(london.ago(NOW.minusSeconds(25 * 60))).isEqualTo("25 min ago");
        assertThat(london.ago(Instant.parse("2026-11-25T05:00:00Z"))).isEqualTo("4 h ago");
        // 30 h ago is yesterday in both zones, at each zone's own clock time
        assertThat(london.ago(Instant.parse("2026-11-24T03:00:00Z"))).isEqualTo("yesterday 03:00");
        assertThat(seoul.ago(Instant.parse("2026-11-24T03:00:00Z"))).isEqualTo("yesterday 12:00");
        assertThat(london.ago(Instant.parse("2026-11-20T14:05:00Z"))).isEqualTo("Fri 20 Nov 14:05");
        assertThat(seoul.absolute(Instant.parse("2025-12-30T20:00:00Z"))).isEqualTo("31 Dec 2025 05:00");
        assertThat(london.age(Instant.parse("2026-11-17T09:00:00Z"))).isEqualTo("8 days ago");
        assertThat(new ReaderTime(java.time.ZoneOffset.UTC, NOW).zoneName()).isEqualTo("UTC");
    }

    @Test
    void aFollowUpConfirmsAmendsOrReversesTheDecision() {
        assertThat(DecisionFollowUp.of("Late follow-up: the full long-tail eval confirms it, hybrid is +5.8% recall@100.")).isEqualTo(DecisionFollowUp.CONFIRMED);
        assertThat(DecisionFollowUp.of("hybrid also wins on head queries")).isEqualTo(DecisionFollowUp.CONFIRMED);
        assertThat(DecisionFollowUp.of("Let's revert to dense-only, the latency regressed")).isEqualTo(DecisionFollowUp.REVERSED);
        assertThat(DecisionFollowUp.of("I no longer agree: the index doubles in size")).isEqualTo(DecisionFollowUp.REVERSED);
        assertThat(DecisionFollowUp.of("Fine, but only for the long-tail traffic")).isEqualTo(DecisionFollowUp.AMENDED);
        assertThat(DecisionFollowUp.of("Numbers are in the sheet")).isEqualTo(DecisionFollowUp.FOLLOWED_UP);
    }

    @Test
    void paddingAndPleasantriesAreChatter() {
        assertThat(Chatter.isChatter("Picking up RNK-22 today.")).isTrue();
        assertThat(Chatter.isChatter("Thanks for the quick fix!")).isTrue();
        assertThat(Chatter.isChatter("Looking.")).isTrue();
        assertThat(Chatter.isChatter("Lunch at 12:30?")).isTrue();
        assertThat(Chatter.isChatter("The 3DS2 sandbox is returning 502s again on the challenge flow.")).isFalse();
    }

    @Test
    void runsCompareOnlyWithinOneProjectAndConfigFamily() {
        Document a = run("sweep-1", Map.of("entity", "k", "project", "ranker", "group", "reranker", "job_type", "train", "config.model", "cross-encoder"));
        Document b = run("sweep-2", Map.of("entity", "k", "project", "ranker", "group", "reranker", "job_type", "train", "config.model", "cross-encoder",
                "config.lr", "0.0003"));
        Document fallback = run("c", Map.of("entity", "k", "project", "ranker", "group", "fallback", "job_type", "train", "config.model", "lightgbm"));
        Document other = run("d", Map.of("entity", "k", "project", "payments", "group", "reranker", "job_type", "train", "config.model", "cross-encoder"));
        assertThat(RunFamily.of(a)).isEqualTo(RunFamily.of(b));
        assertThat(RunFamily.of(a)).isNotEqualTo(RunFamily.of(fallback)).isNotEqualTo(RunFamily.of(other));
        Document sweep = run("sweep-57-lr", Map.of("entity", "k", "project", "ranker", "group", "reranker", "job_type", "train", "config.model", "cross-encoder"));
        Document nextSweep = run("sweep-58-lr", Map.of("entity", "k", "project", "ranker", "group", "reranker", "job_type", "train", "config.model", "cross-encoder"));
        Document fullTrain = run("rnk-130-train", Map.of("entity", "k", "project", "ranker", "group", "reranker", "job_type", "train", "config.model", "cross-encoder"));
        assertThat(RunFamily.of(sweep)).isEqualTo(RunFamily.of(nextSweep)).isNotEqualTo(RunFamily.of(fullTrain));
        assertThat(RunFamily.isSystemKey("_runtime")).isTrue();
        assertThat(RunFamily.isSystemKey("_step")).isTrue();
        assertThat(RunFamily.isSystemKey("_wandb.runtime")).isTrue();
        assertThat(RunFamily.isSystemKey("eval/_timestamp")).isTrue();
        assertThat(RunFamily.isSystemKey("eval/ndcg@10")).isFalse();
    }

    private static Document run(String name, Map<String, String> props) {
        return Document.builder(DocumentId.of("wandb", "run", "k/" + props.get("project") + "/" + name)).title(name).properties(props).build();
    }
}
