package dev.nightjar.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageFloorTest {

    @Test
    void pagesRoundUpAndAnEmptyListStillCostsACall() {
        assertThat(PageFloor.pages(0, 100)).isEqualTo(1);
        assertThat(PageFloor.pages(100, 100)).isEqualTo(1);
        assertThat(PageFloor.pages(101, 100)).isEqualTo(2);
    }

    @Test
    void everySourceHasAFloorAndGitHubPaysOneReviewsCallPerPullRequest() {
        SampleCompany company = SampleCompany.generate(Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC));
        Map<String, Long> floor = PageFloor.of(company);

        assertThat(floor.keySet()).containsExactlyElementsOf(SandboxServers.SOURCES);
        assertThat(floor.values()).allMatch(n -> n >= 1);
        long pulls = company.repos.values().stream().mapToLong(r -> r.pulls.size()).sum();
        assertThat(floor.get("github")).isGreaterThanOrEqualTo(pulls + 5L * company.repos.size());
        assertThat(floor.get("linear")).isGreaterThanOrEqualTo(9); // nine streams, one call each at least
    }
}
