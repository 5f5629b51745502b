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
    void spreadPicksAboutThePercentEvenlyAndAtLeastOne() {
        List<Integer> twoHundred = IntStream.range(0, 200).boxed().toList();
        assertThat(CompanyEdits.spread(twoHundred, 1.0)).containsExactly(0, 100);
        assertThat(CompanyEdits.spread(List.of(7, 8), 1.0)).containsExactly(7);
        assertThat(CompanyEdits.spread(List.of(), 1.0)).isEmpty();
    }

    @Test
    void editsAboutOnePercentOfEachSourceWithNewUpdateTimes() {
        SampleCompany company = SampleCompany.generate(Clock.fixed(NOW, ZoneOffset.UTC));
        int issues = company.issues.size();
        int replies = company.channels.stream().mapToInt(c -> c.replies.values().stream().mapToInt(List::size).sum()).sum();
        Instant at = NOW.plusSeconds(3600);

        Map<String, Integer> edited = CompanyEdits.apply(company, 1.0, at, "[edit]");

        assertThat(edited.values()).allMatch(n -> n >= 1);
        assertThat(edited.get("linear")).isEqualTo(Math.max(1, Math.round(issues / 100f)));
        assertThat(company.issues.stream().filter(i -> String.valueOf(i.get("title")).endsWith("[edit]")))
                .hasSize(edited.get("linear"))
                .allMatch(i -> i.get("updatedAt").equals("2026-11-20T10:00:00.000Z"));
        assertThat(company.channels.stream().mapToInt(c -> c.replies.values().stream().mapToInt(List::size).sum()).sum())
                .isEqualTo(replies + edited.get("slack"));
        assertThat(company.notionPages.stream().filter(p -> p.path("last_edited_time").asText().equals("2026-11-20T10:00:00.000Z")))
                .hasSizeGreaterThanOrEqualTo(edited.get("notion"));
    }
}
