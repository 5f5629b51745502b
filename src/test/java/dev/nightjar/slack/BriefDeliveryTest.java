package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.Workspace;
import dev.nightjar.jobs.NightlySettings;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.SkillsFixture;
import dev.nightjar.slack.briefs.BriefDeliverer;
import dev.nightjar.store.ledgers.DeliveryLedger;
import dev.nightjar.store.PeopleStore;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Briefs at deliver-at in each recipient's own zone, once per local day, across restarts and failed posts. */
class BriefDeliveryTest {

    @TempDir
    Path tmp;
    final MutableClock clock = new MutableClock(TempWorkspace.NOW);
    FakeSlack slack;
    Workspace ws;
    SlackWebApi api;

    @BeforeEach
    void seed() throws Exception {
        slack = new FakeSlack();
        ws = TempWorkspace.open(tmp, clock, Map.of());
        SkillsFixture.seed(ws);
        // Sam's Slack profile says Los Angeles (PST in November, UTC-8): his 07:00 is 15:00Z.
        new PeopleStore(ws.database()).upsertAll(List.of(new PersonIdentity("slack", "U0SAM", "sam@example.com", "Sam Ortiz",
                "America/Los_Angeles")), clock.instant());
        api = new SlackWebApi(slack.apiUrl(), () -> "xoxb-test", new SlackHttp(new OkHttpClient(),
                new SlackHttp.Policy(1, Duration.ofMillis(1), Duration.ofSeconds(1)), SlackHttp.Pause.real()));
    }

    @AfterEach
    void close() throws Exception {
        ws.close();
        slack.close();
    }

    private BriefDeliverer deliverer(NightlySettings.Briefs briefs) {
        return deliverer(ws, briefs);
    }

    private BriefDeliverer deliverer(Workspace on, NightlySettings.Briefs briefs) {
        NightlySettings settings = new NightlySettings("0 0 5 * * ?", "Asia/Seoul", List.of(), briefs);
        SlackUsers users = new SlackUsers(new PeopleStore(on.database()), on.people(), api);
        return new BriefDeliverer(on, settings, users, api, new DeliveryLedger(on.database(), clock));
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEachBriefOnce() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(dev.nightjar.testing.TestDatabases.postgres(),
                "nodes share an external database: runs in the PostgreSQL execution");
        NightlySettings.Briefs briefs = new NightlySettings.Briefs("07:00", List.of("sam@example.com"), Map.of("PAY", "#payments"));
        // a second node: its own data dir (index), the first node's database
        try (Workspace nodeB = new Workspace(tmp.resolve("node-b"), new dev.nightjar.config.ConfigDir(tmp.resolve("config")),
                dev.nightjar.config.Environment.of(dev.nightjar.testing.TestDatabases.env(tmp.resolve("data"), Map.of())), clock)) {
            BriefDeliverer a = deliverer(briefs), b = deliverer(nodeB, briefs);
            clock.set(Instant.parse("2026-11-25T22:00:00Z")); // 14:00 for Sam in Los Angeles, 07:00 in Seoul
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var onA = pool.submit(() -> { together.await(); return a.deliverDue(); });
                var onB = pool.submit(() -> { together.await(); return b.deliverDue(); });
                assertThat(onA.get() + onB.get()).as("Sam's brief and the PAY brief, once each").isEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
            assertThat(slack.posts).extracting(p -> p.path("channel").asText()).containsExactlyInAnyOrder("U0SAM", "#payments");
            clock.set(Instant.parse("2026-11-25T22:05:00Z"));
            assertThat(a.deliverDue() + b.deliverDue()).as("the next tick, on either node").isZero();
        }
    }

    private int at(String instant, BriefDeliverer deliverer) {
        clock.set(Instant.parse(instant));
        return deliverer.deliverDue();
    }

    @Test
    void aBriefScheduledForSevenInTheUsersZoneIsDeliveredOncePerLocalDay() {
        NightlySettings.Briefs briefs = new NightlySettings.Briefs("07:00", List.of("sam@example.com"), Map.of());
        BriefDeliverer first = deliverer(briefs);

        assertThat(at("2026-11-25T14:55:00Z", first)).as("06:55 in Los Angeles").isZero();
        assertThat(at("2026-11-25T15:00:00Z", first)).as("07:00 in Los Angeles").isEqualTo(1);
        assertThat(at("2026-11-25T15:05:00Z", first)).as("the next tick").isZero();
        assertThat(at("2026-11-25T23:55:00Z", deliverer(briefs))).as("after a restart, same local day").isZero();
        assertThat(at("2026-11-26T07:59:00Z", deliverer(briefs))).as("23:59 local, still the same day").isZero();

        assertThat(slack.posts).hasSize(1);
        JsonNode dm = slack.posts.get(0);
        assertThat(dm.path("channel").asText()).isEqualTo("U0SAM");
        assertThat(dm.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(dm.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("Morning brief for Sam Ortiz");
        assertThat(dm.path("blocks").toString()).contains("America/Los_Angeles");

        assertThat(at("2026-11-26T14:59:00Z", deliverer(briefs))).as("06:59 the next day").isZero();
        assertThat(at("2026-11-26T15:00:00Z", deliverer(briefs))).as("07:00 the next day").isEqualTo(1);
        assertThat(slack.posts).hasSize(2);
    }

    @Test
    void aFailedPostReleasesTheDayAndTheNextTickDelivers() {
        BriefDeliverer deliverer = deliverer(new NightlySettings.Briefs("07:00", List.of("sam@example.com"), Map.of()));
        slack.failPosts = true;
        assertThat(at("2026-11-25T15:00:00Z", deliverer)).isZero();
        slack.failPosts = false;
        assertThat(at("2026-11-25T15:05:00Z", deliverer)).isEqualTo(1);
        assertThat(at("2026-11-25T15:10:00Z", deliverer)).isZero();
        assertThat(slack.posts).hasSize(1);
    }

    @Test
    void aBriefWaitsForANightlyRunStillGoing() {
        BriefDeliverer deliverer = deliverer(new NightlySettings.Briefs("07:00", List.of("sam@example.com"), Map.of()));
        long run = ws.runs().start(Instant.parse("2026-11-25T14:50:00Z"), false, "");
        assertThat(at("2026-11-25T15:00:00Z", deliverer)).isZero();
        ws.runs().finish(run, "COMPLETED", Instant.parse("2026-11-25T15:02:00Z"), null);
        assertThat(at("2026-11-25T15:05:00Z", deliverer)).isEqualTo(1);
    }

    @Test
    void aTeamBriefGoesToItsChannelAtSevenInTheJobsZone() {
        BriefDeliverer deliverer = deliverer(new NightlySettings.Briefs("07:00", List.of(), Map.of("PAY", "#payments")));
        assertThat(at("2026-11-24T21:59:00Z", deliverer)).as("06:59 in Seoul").isZero();
        assertThat(at("2026-11-24T22:00:00Z", deliverer)).as("07:00 in Seoul").isEqualTo(1);
        assertThat(at("2026-11-25T06:00:00Z", deliverer)).isZero();
        assertThat(slack.posts).singleElement().satisfies(p -> {
            assertThat(p.path("channel").asText()).isEqualTo("#payments");
            assertThat(p.path("blocks").get(0).path("text").path("text").asText()).isEqualTo("Morning brief for PAY");
        });
    }
}
