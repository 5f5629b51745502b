package dev.nightjar.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.PeopleAliases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCompanyTest {

    static final Instant NOW = Instant.parse("2026-11-25T14:45:00Z");
    static final SampleCompany COMPANY = SampleCompany.generate(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sameSeedSameCompanyAndEverythingIsRelativeToNow() {
        SampleCompany again = SampleCompany.generate(Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(again.counts()).isEqualTo(COMPANY.counts());
        assertThat(again.stories()).isEqualTo(COMPANY.stories());
        assertThat(again.issues.get(200).get("title")).isEqualTo(COMPANY.issues.get(200).get("title"));

        // a month later, the same company shifted by a month
        SampleCompany later = SampleCompany.generate(Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC));
        assertThat(Instant.parse((String) later.issues.get(10).get("createdAt")))
                .isEqualTo(Instant.parse((String) COMPANY.issues.get(10).get("createdAt")).plus(Duration.ofDays(30)));
        assertThat(later.stories().canonicalLaunchDate()).isEqualTo(COMPANY.stories().canonicalLaunchDate().plusDays(30));

        List<Instant> times = new ArrayList<>();
        COMPANY.issues.forEach(i -> times.add(Instant.parse((String) i.get("updatedAt"))));
        COMPANY.comments.forEach(i -> times.add(Instant.parse((String) i.get("createdAt"))));
        COMPANY.repos.values().forEach(r -> r.pulls.forEach(p -> times.add(Instant.parse(p.path("updated_at").asText()))));
        COMPANY.repos.values().forEach(r -> r.commits.forEach(p -> times.add(Instant.parse(p.path("commit").path("committer").path("date").asText()))));
        COMPANY.channels.forEach(c -> c.messages.forEach(m -> times.add(Instant.ofEpochSecond((long) Double.parseDouble(m.path("ts").asText())))));
        assertThat(times).allSatisfy(t -> assertThat(t).isBeforeOrEqualTo(NOW).isAfter(NOW.minus(Duration.ofDays(63))));
    }

    @Test
    void theNightIsPlantedWithinTheLastDayWhateverTheTimeOfDay() {
        // the planted night spans 2 h before to 2.5 h after lastNight(): all of it past and within a brief's 24 h
        for (int minutes = 0; minutes < 24 * 60; minutes += 10) {
            Instant now = Instant.parse("2026-11-25T00:00:00Z").plus(Duration.ofMinutes(minutes));
            Instant night = SampleCompany.lastNightBefore(now);
            assertThat(night.minus(Duration.ofHours(2))).as("first event at %s", now).isAfter(now.minus(Duration.ofHours(24)));
            assertThat(night.plus(Duration.ofMinutes(150))).as("last event at %s", now).isBefore(now);
        }
        // a morning run keeps 01:00 UTC, as the evaluation's fixed clock expects
        assertThat(SampleCompany.lastNightBefore(Instant.parse("2026-11-25T06:30:00Z")))
                .isEqualTo(Instant.parse("2026-11-25T01:00:00Z"));
    }

    @Test
    void severalHundredItemsPerBigSource() {
        Map<String, Integer> counts = COMPANY.counts();
        assertThat(counts.get("linear")).isGreaterThan(400);
        assertThat(counts.get("github")).isGreaterThan(400);
        assertThat(counts.get("slack")).isGreaterThan(250);
        assertThat(counts.get("wandb")).isGreaterThan(50);
        assertThat(counts.get("notion")).isGreaterThan(20);
        assertThat(COMPANY.issues).hasSizeBetween(250, 400);
        assertThat(COMPANY.people).hasSize(10);
    }

    @Test
    void thePlantedStoriesAreThere() {
        SampleCompany.Stories s = COMPANY.stories();
        // blocker chain of four
        assertThat(COMPANY.issueRelations).filteredOn(r -> r.get("type").equals("blocks")).hasSizeGreaterThanOrEqualTo(3);
        // the overnight mention lands at night for Jonas (Berlin) and during the day for Aiko (Tokyo)
        Instant mentionAt = Instant.ofEpochSecond((long) Double.parseDouble(s.overnightMentionTs()));
        assertThat(ZonedDateTime.ofInstant(mentionAt, ZoneId.of("Europe/Berlin")).getHour()).isBetween(0, 5);
        assertThat(ZonedDateTime.ofInstant(mentionAt, ZoneId.of("Asia/Tokyo")).getHour()).isBetween(8, 14);
        assertThat(mentionAt).isBetween(NOW.minus(Duration.ofHours(24)), NOW);
        // the late reply: a week-old thread, replied to last night
        double root = Double.parseDouble(s.decisionThreadTs()), late = Double.parseDouble(s.lateReplyTs());
        assertThat(late - root).isGreaterThan(6 * 86_400);
        // the scratchpad date conflicts with the canonical one, and the draft's too
        assertThat(s.scratchpadLaunchDate()).isNotEqualTo(s.canonicalLaunchDate());
        assertThat(s.draftLaunchDate()).isNotEqualTo(s.canonicalLaunchDate());
        // a run at a merge commit, a crashed run last night
        JsonNode crashed = COMPANY.runsByProject.get(SampleCompany.WANDB_PROJECT).stream()
                .filter(r -> r.path("name").asText().equals(s.crashedRunName())).findFirst().orElseThrow();
        assertThat(crashed.path("state").asText()).isEqualTo("crashed");
        assertThat(COMPANY.runsByProject.get(SampleCompany.WANDB_PROJECT))
                .anySatisfy(r -> assertThat(r.path("commit").asText()).isEqualTo(s.keyedPrMergeSha()));
    }

    @Test
    void peopleYamlParsesAndAliasesTheNoReplyCommitters(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("index"));
        Files.writeString(dir.resolve(PeopleAliases.FILE), COMPANY.peopleYaml());
        PeopleAliases aliases = PeopleAliases.load(new ConfigDir(dir));
        assertThat(aliases.byIdentity()).containsEntry("github:tibarra-ml", "tomas@kestrel.example")
                .containsEntry("github:lnovak", "lena@kestrel.example").hasSize(3);
    }
}
