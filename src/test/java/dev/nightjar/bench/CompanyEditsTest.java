package dev.nightjar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.sandbox.SampleCompany;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompanyEditsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void spreadPicksEvenlyAndShareIsOnePercentAtLeastOne() {
        assertThat(CompanyEdits.spread(IntStream.range(0, 200).boxed().toList(), 2)).containsExactly(0, 100);
        assertThat(CompanyEdits.spread(List.of(7, 8), 5)).containsExactly(7, 8);
        assertThat(CompanyEdits.spread(List.of(), 1)).isEmpty();
        assertThat(CompanyEdits.share(Map.of("linear", 449, "wandb", 20), 1.0)).isEqualTo(Map.of("linear", 4, "wandb", 1));
    }

    @Test
    void editsTheWantedRecordsWithNewUpdateTimes() {
        SampleCompany company = SampleCompany.generate(Clock.fixed(NOW, ZoneOffset.UTC));
        int replies = company.channels.stream().mapToInt(c -> c.replies.values().stream().mapToInt(List::size).sum()).sum();
        Instant at = NOW.plusSeconds(3600);

        Map<String, Integer> edited = CompanyEdits.apply(company, Map.of("linear", 3, "github", 2, "wandb", 1, "notion", 1, "slack", 2),
                at, "[edit]");

        assertThat(edited).isEqualTo(Map.of("linear", 3, "github", 2, "wandb", 1, "notion", 1, "slack", 2));
        assertThat(company.issues.stream().filter(i -> String.valueOf(i.get("title")).endsWith("[edit]")))
                .hasSize(edited.get("linear"))
                .allMatch(i -> i.get("updatedAt").equals("2026-11-20T10:00:00.000Z"));
        assertThat(company.channels.stream().mapToInt(c -> c.replies.values().stream().mapToInt(List::size).sum()).sum())
                .isEqualTo(replies + edited.get("slack"));
        assertThat(company.notionPages.stream().filter(p -> p.path("last_edited_time").asText().equals("2026-11-20T10:00:00.000Z")))
                .hasSizeGreaterThanOrEqualTo(edited.get("notion"));
    }
}
