package dev.nightjar.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.NightjarApplication;
import dev.nightjar.Workspace;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.SkillsFixture;
import dev.nightjar.skills.Viewer;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A canonical mark made through Slack's {@code /nightjar canonical mark} reaches the index through the
 * change feed, so the very next {@code ask} ranks by it (it used to wait for some later write).
 */
class SlackCanonicalRankingTest {

    @TempDir
    Path tmp;

    @Test
    void aCanonicalMarkFromTheSlashCommandChangesTheRankingOfTheNextAsk() throws Exception {
        Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);
        try (FakeSlack slack = new FakeSlack();
             Workspace ws = TempWorkspace.open(tmp, clock, Map.of(
                     "connectors/slack.yml", "enabled: true\nbase-url: https://slack.invalid/api\ntoken-env: SLACK_BOT_TOKEN\n"
                             + "signing-secret-env: SLACK_SIGNING_SECRET\nchannels: [ranker]\nadmins: [dana@example.com]\n",
                     "jobs/nightly.yml", "cron: \"0 0 5 * * ?\"\nzone: UTC\nsources: []\n"))) {
            slack.user("U0DANA", "dana@example.com", "Asia/Seoul");
            SkillsFixture.seed(ws);
            ws.runs().finish(ws.runs().start(clock.instant(), true, ""), "COMPLETED", clock.instant(), null);
            List<String> before = ranking(ws);
            assertThat(before.indexOf("notion:page:prd-v2")).as("the newer PRD ranks first").isLessThan(before.indexOf("notion:page:prd-v1"));

            ConnectorContext context = new ConnectorContext(Environment.of(Map.of("SLACK_BOT_TOKEN", "xoxb-test",
                    "SLACK_SIGNING_SECRET", SlackAppServeTest.SECRET, "NIGHTJAR_SLACK_BASE_URL", slack.apiUrl())), new OkHttpClient(),
                    new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMinutes(1)), Sleeper.real(), clock);
            try (ConfigurableApplicationContext spring = NightjarApplication.start(ws, NightjarApplication.Mode.SERVE,
                    Map.of("connectorContext", context), Map.of("server.port", "0"), SlackAppConfiguration.class)) {
                SignedRequests requests = new SignedRequests("http://127.0.0.1:" + spring.getEnvironment().getProperty("local.server.port"),
                        SlackAppServeTest.SECRET, clock);
                requests.form("/slack/commands", Map.of("token", "x", "team_id", "T1", "channel_id", "C0RANKER", "user_id", "U0DANA",
                        "command", "/nightjar", "text", "canonical mark https://www.notion.so/acme/Ranker-v2-PRD-v1-1111",
                        "response_url", slack.responseUrl("mark"), "trigger_id", "1.2.3"));
                assertThat(slack.awaitResponses("mark", 1, SlackAppServeTest.WAIT).get(0).body().path("text").asText()).startsWith("Marked canonical");

                // no other write happens: the mark's own commit must have moved the index
                List<SearchHit> after = hits(ws);
                assertThat(after.get(0).id()).isEqualTo("notion:page:prd-v1");
                assertThat(after.get(0).truth()).isEqualTo(TruthLevel.CANONICAL);
                assertThat(after.stream().filter(h -> h.id().equals("notion:page:prd-v2")).findFirst().orElseThrow().superseded()).isTrue();
            }
        }
    }

    /** The search the next {@code ask} about the PRD runs (as the operator, who sees everything). */
    private static List<SearchHit> hits(Workspace ws) {
        return ws.index().search(SearchRequest.of("Ranker v2 PRD target launch", 10).visibleTo(Viewer.operator().searchFilter()));
    }

    private static List<String> ranking(Workspace ws) {
        return hits(ws).stream().map(SearchHit::id).toList();
    }
}
