package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A decision is dated by the words that state it: a week-old decision in a thread that got a reply
 * last night is a week old; a decision made in last night's reply is new. The clock is far from 2026.
 */
class DecisionTimesTest {

    static final Instant NOW = Instant.parse("2033-06-01T06:00:00Z");
    static final Instant WEEK_AGO = NOW.minus(Duration.ofDays(7));
    static final Instant LAST_NIGHT = NOW.minus(Duration.ofHours(8));

    @TempDir
    Path tmp;

    static String ts(Instant at) {
        return at.getEpochSecond() + ".000100";
    }

    static Document thread(String key, String rootText, String replyText) {
        String raw = "[{\"type\":\"message\",\"user\":\"U0MAYA\",\"ts\":\"" + ts(WEEK_AGO) + "\",\"text\":\"" + rootText + "\"},"
                + "{\"type\":\"message\",\"user\":\"U0TOM\",\"ts\":\"" + ts(LAST_NIGHT) + "\",\"text\":\"" + replyText + "\"}]";
        return Document.builder(DocumentId.of("slack", "thread", "C0RNK/" + key)).url("https://acme.slack.com/archives/C0RNK/p" + key)
                .title("#rnk: retrieval").body("Maya Okafor: " + rootText + "\n\nTomás Ibarra: " + replyText).author("slack:U0MAYA")
                .createdAt(WEEK_AGO.plusNanos(100_000)).updatedAt(LAST_NIGHT.plusNanos(100_000)).rawJson(raw).build();
    }

    @Test
    void aDecisionIsDatedByTheMessageThatStatesItNotByTheThreadsLatestReply() {
        try (Workspace ws = TempWorkspace.open(tmp, Clock.fixed(NOW, ZoneOffset.UTC), Map.of())) {
            TempWorkspace.ingest(ws, List.of(
                    thread("1", "Decision: we will go with hybrid retrieval because dense-only loses recall.", "Late follow-up: numbers confirm it."),
                    thread("2", "Should we freeze the schema?", "Decision: freeze the feature schema until launch because backfills cost a day.")));
            DecisionLog log = new DecisionLog(ws.database(), ws.documents(), ws.clock());
            log.catchUp();

            List<Decision> all = log.all();
            assertThat(all).extracting(Decision::text).anyMatch(t -> t.contains("hybrid retrieval")).anyMatch(t -> t.contains("freeze the feature schema"));
            Decision old = all.stream().filter(d -> d.text().contains("hybrid")).findFirst().orElseThrow();
            Decision fresh = all.stream().filter(d -> d.text().contains("freeze")).findFirst().orElseThrow();
            assertThat(old.decidedAt()).isEqualTo(WEEK_AGO.plusNanos(100_000));
            assertThat(fresh.decidedAt()).isEqualTo(LAST_NIGHT.plusNanos(100_000));
            assertThat(log.since(NOW.minus(Duration.ofDays(1)))).extracting(Decision::text).noneMatch(t -> t.contains("hybrid"))
                    .anyMatch(t -> t.contains("freeze"));
        }
    }
}
