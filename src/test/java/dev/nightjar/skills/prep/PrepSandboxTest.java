package dev.nightjar.skills.prep;

import dev.nightjar.testing.SyncedSandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.testing.ContractSchemas;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Meeting prep over the synced sandbox company: Lena's shadow-eval pull request waits on Maya's review
 * and has changes requested by Tomás (a review both of them share, blocked); the leadership channel is
 * private to four leads, Lena not among them.
 */
class PrepSandboxTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String MAYA = mail("maya"), LENA = mail("lena"), BEN = mail("ben"), TOMAS = mail("tomas");

    static Path config, data;
    static SandboxServers sandbox;
    static SampleCompany.Stories stories;

    static String mail(String who) {
        return who + "@" + SampleCompany.EMAIL_DOMAIN;
    }

    @BeforeAll
    static void sync() throws Exception {
        SyncedSandbox synced = SyncedSandbox.sync("prep-sandbox-", CLOCK);
        config = synced.config();
        data = synced.data();
        sandbox = synced.servers();
        stories = sandbox.company().stories();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("prep"));
        all.addAll(List.of(args));
        return CliRunner.run(config, data, CLOCK, sandbox.env(), all.toArray(String[]::new));
    }

    static JsonNode prep(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRunner.Result r = run(all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("brief", r.out())).isEmpty();
        return new ObjectMapper().readTree(r.out());
    }

    static List<JsonNode> items(JsonNode prep, String section) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : prep.path("sections")) if (section == null || s.path("title").asText().equals(section)) s.path("items").forEach(out::add);
        return out;
    }

    @Test
    void aOneOnOneShowsTheBlockedReviewBothShareAndCitesIt() throws Exception {
        JsonNode p = prep("--with", MAYA, "--as", LENA);
        String pr = "https://github.com/" + stories.changesRequestedRepo() + "/pull/" + stories.changesRequestedPr();
        assertThat(items(p, PrepService.OPEN)).anySatisfy(i -> {
            assertThat(i.path("text").asText()).contains("#" + stories.changesRequestedPr(), "Maya Okafor");
            assertThat(i.path("citations").toString()).contains(pr);
        });
    }

    static List<String> texts(List<JsonNode> items) {
        return items.stream().map(i -> i.path("text").asText()).toList();
    }

    @Test
    void mentionsWithoutAnAnswerAreOpenBetweenYou() throws Exception {
        // Tomás's late reply in the decision thread names Maya; she has not written there since
        JsonNode tomas = prep("--with", TOMAS, "--as", MAYA);
        String thread = "/archives/" + stories.decisionChannelId() + "/p" + stories.decisionThreadTs().replace(".", "");
        assertThat(items(tomas, PrepService.OPEN)).anySatisfy(i -> {
            assertThat(i.path("text").asText()).startsWith("Tomás Ibarra mentioned Maya Okafor in #rnk-team, ")
                    .contains("; no answer from Maya Okafor since: \"Late follow-up");
            assertThat(i.path("citations").toString()).contains(thread);
        });
        List<String> lena = texts(items(prep("--with", LENA, "--as", MAYA), PrepService.OPEN));
        // answered by a later reply in the thread, and by a reaction: neither is open
        assertThat(lena).noneMatch(t -> t.contains("re-review the shadow-eval PR")).noneMatch(t -> t.contains("eval notebook guide"));
        assertThat(lena).filteredOn(t -> t.contains(" mentioned ")).singleElement().asString()
                .startsWith("Maya Okafor mentioned Lena Novak in #leadership, ").contains("owner of the shadow-eval rerun");
        // asked in the channel, answered in the channel rather than in a thread: not open
        assertThat(texts(items(prep("--with", TOMAS, "--as", LENA), PrepService.OPEN))).noneMatch(t -> t.contains("eval notebook current"));
        // outside Slack: Tomás asked Lena on the pull request, and her last word there is older
        JsonNode onGitHub = prep("--with", LENA, "--as", TOMAS);
        assertThat(items(onGitHub, PrepService.OPEN)).anySatisfy(i -> {
            assertThat(i.path("text").asText()).startsWith("Tomás Ibarra mentioned Lena Novak in ").contains("(github)", "held-out split now");
            assertThat(i.path("citations").toString()).contains("/pull/" + stories.changesRequestedPr() + "#issuecomment-");
        });
    }

    @Test
    void anUnansweredMentionInAPrivateChannelStaysWithItsReaders() throws Exception {
        // Maya may read #leadership, where she named Lena; Lena may not, so her prep with Maya lacks it
        assertThat(texts(items(prep("--with", LENA, "--as", MAYA), PrepService.OPEN))).anyMatch(t -> t.contains("#leadership"));
        CliRunner.Result lena = run("--with", MAYA, "--as", LENA, "--format", "json");
        assertThat(lena.exit()).as(lena.err()).isZero();
        assertThat(lena.out()).doesNotContain("shadow-eval rerun").doesNotContain("#leadership");
    }

    @Test
    void privateContentIsAbsentForAnAskerOutsideTheChannel() throws Exception {
        String leadership = "/archives/" + stories.privateChannelId() + "/";
        // Ben is in #leadership with Maya: their headcount thread is theirs to prepare
        JsonNode ben = prep("--with", MAYA, "--as", BEN, "--since", "7d");
        assertThat(items(ben, PrepService.TALKED)).anySatisfy(i -> {
            assertThat(i.path("text").asText()).contains("Headcount");
            assertThat(i.path("citations").toString()).contains(leadership);
        });
        // Lena is not: nothing of the channel, in any section
        CliRunner.Result lena = run("--with", MAYA, "--as", LENA, "--since", "7d", "--format", "json");
        assertThat(lena.exit()).as(lena.err()).isZero();
        assertThat(lena.out()).doesNotContain(leadership).doesNotContain("Headcount").doesNotContain("#leadership");
        assertThat(run("--with", MAYA, "--as", LENA, "--since", "7d").out()).doesNotContain("Headcount");
    }

    @Test
    void theWindowSaysWhereItStarts() throws Exception {
        JsonNode p = prep("--with", MAYA);
        assertThat(p.path("since").asText()).isEqualTo(NOW.minus(PrepService.DEFAULT_WINDOW).toString());
        assertThat(p.path("since_basis").asText()).isEqualTo("the last 7 days (no earlier 1:1 found in the store)");
        assertThat(prep("--with", MAYA, "--since", "2d").path("since").asText()).isEqualTo(NOW.minus(java.time.Duration.ofDays(2)).toString());
        assertThat(run("--with", MAYA).out()).contains("# Prep: 1:1 with Maya Okafor", "the last 7 days (no earlier 1:1 found in the store)");
    }

    @Test
    void aProjectSyncHasItsBlockedIssuesDecisionsAndOpenQuestions() throws Exception {
        JsonNode p = prep("--project", "neural reranker launch");
        assertThat(p.path("title").asText()).isEqualTo("Neural reranker launch sync");
        assertThat(items(p, PrepService.OPEN_ITEMS)).anySatisfy(i -> assertThat(i.path("text").asText()).contains("RNK-134", "is blocked by RNK-130"));
        assertThat(items(p, PrepService.DECISIONS)).anySatisfy(i -> assertThat(i.path("text").asText()).contains("go with hybrid BM25+dense"));
        assertThat(items(p, PrepService.QUESTIONS)).anySatisfy(i -> assertThat(i.path("text").asText()).contains("pull the reranker launch forward"));
        assertThat(items(p, null)).allSatisfy(i -> assertThat(i.path("citations").size()).isPositive());
        // the team's mentions still waiting, not the ones already answered in the thread or with a reaction
        List<String> open = texts(items(p, PrepService.OPEN_ITEMS));
        assertThat(open).anyMatch(t -> t.startsWith("Tomás Ibarra mentioned Lena Novak in ") && t.contains("held-out split now"));
        assertThat(open).noneMatch(t -> t.contains("re-review the shadow-eval PR")).noneMatch(t -> t.contains("eval notebook guide"));
    }

    @Test
    void everyPrepTellsTheConflictsAskFindsAboutItsProjects() throws Exception {
        // Jonas's scratchpad note (3 days old) names "the reranker launch", not the PRD's "Neural reranker"
        CliRunner.Result ask = CliRunner.run(config, data, CLOCK, sandbox.env(), "ask", "where do we stand on the neural reranker launch?",
                "--format", "json");
        assertThat(ask.exit()).as(ask.err()).isZero();
        List<String> asked = new ArrayList<>();
        new ObjectMapper().readTree(ask.out()).path("conflicts").forEach(c -> asked.add("Conflict: " + c.path("text").asText()));
        assertThat(asked).anySatisfy(t -> assertThat(t).contains("states launch " + stories.scratchpadLaunchDate(),
                "the canonical Neural reranker PRD says " + stories.canonicalLaunchDate()));
        String prd = stories.canonicalPrdPageId().replace("-", "");
        for (JsonNode p : List.of(prep("--project", "neural reranker launch"), prep("--project", "neural reranker launch", "--as", MAYA),
                prep("--with", LENA, "--as", MAYA))) {
            List<JsonNode> conflicts = items(p, PrepService.CONFLICTS);
            assertThat(texts(conflicts)).containsAll(asked).doesNotHaveDuplicates();
            assertThat(conflicts).anySatisfy(i -> assertThat(i.path("citations").toString()).contains(prd).contains("/notes/"));
        }
        // a window that starts after the note: nothing new to raise
        assertThat(items(prep("--project", "neural reranker launch", "--since", "2d"), PrepService.CONFLICTS)).isEmpty();
    }

    @Test
    void aOneOnOneListsTheThreadsBothWereInEvenWhenTheirNewsIsToldElsewhere() throws Exception {
        // the decision thread (Maya asked, Lena answered) moved last night; its reply is told under the decision
        String thread = "/archives/" + stories.decisionChannelId() + "/p" + stories.decisionThreadTs().replace(".", "");
        for (JsonNode p : List.of(prep("--with", LENA, "--as", MAYA), prep("--with", MAYA, "--as", LENA))) {
            List<JsonNode> talked = items(p, PrepService.TALKED);
            assertThat(talked).filteredOn(i -> i.path("citations").toString().contains(thread)).singleElement()
                    .satisfies(i -> assertThat(i.path("text").asText()).startsWith("#rnk-team: \"Retrieval for the reranker launch"));
        }
        // Ben was never in it: his 1:1 with Lena does not list it
        assertThat(items(prep("--with", LENA, "--as", BEN), PrepService.TALKED)).noneMatch(i -> i.path("citations").toString().contains(thread));
    }

    @Test
    void timesAreToldInTheAskersZoneAndTheHeaderSaysWhich() throws Exception {
        java.time.Instant since = NOW.minus(PrepService.DEFAULT_WINDOW);
        java.time.ZoneId london = java.time.ZoneId.of("Europe/London"), prague = java.time.ZoneId.of("Europe/Prague");
        // Maya (London) preparing with Lena (Prague) reads London times, and the other way round
        assertThat(prep("--with", LENA, "--as", MAYA).path("time_zone").asText()).isEqualTo("Europe/London");
        assertThat(prep("--with", MAYA, "--as", LENA).path("time_zone").asText()).isEqualTo("Europe/Prague");
        assertThat(run("--with", LENA, "--as", MAYA).out())
                .contains("_Since " + new dev.nightjar.skills.brief.ReaderTime(london, NOW).ago(since) + " (Europe/London, your zone): ");
        assertThat(run("--with", MAYA, "--as", LENA).out())
                .contains("_Since " + new dev.nightjar.skills.brief.ReaderTime(prague, NOW).ago(since) + " (Europe/Prague, your zone): ");
        // the same review, in Maya's own brief and in her prep, at the same clock time
        JsonNode brief = new ObjectMapper().readTree(CliRunner.run(config, data, CLOCK, sandbox.env(), "brief", "--person", MAYA, "--since", "7d", "--format", "json").out());
        List<String> inBrief = texts(items(brief, null)).stream().filter(t -> t.startsWith("Changes requested on #") && t.contains(" by Priya Raman, ")).toList();
        assertThat(inBrief).isNotEmpty();
        String when = inBrief.get(0).replaceAll(".* by Priya Raman, (.*?)(;| \\().*", "$1");
        assertThat(when).matches("\\w{3} \\d{1,2} \\w{3} \\d\\d:\\d\\d");
        assertThat(texts(items(prep("--project", "neural reranker launch", "--as", MAYA), null))).anyMatch(t -> t.contains(" by Priya Raman, " + when));
        // no asker: the workspace's zone, said as such, for the 1:1 and the sync alike
        for (String[] args : List.of(new String[] {"--project", "neural reranker launch"}, new String[] {"--with", LENA})) {
            assertThat(prep(args).path("time_zone").asText()).isEqualTo("UTC");
            assertThat(run(args).out()).contains("(UTC, the workspace's zone; --as EMAIL for a person's own): ");
        }
    }

    @Test
    void unknownPeopleAndProjectsAreUsageErrorsWithTheNearestName() {
        CliRunner.Result who = run("--with", "mya@" + SampleCompany.EMAIL_DOMAIN);
        assertThat(who.exit()).isEqualTo(2);
        assertThat(who.err().strip()).isEqualTo("nightjar: unknown person mya@" + SampleCompany.EMAIL_DOMAIN
                + ": no source reports this e-mail (did you mean " + MAYA + "?)");
        CliRunner.Result project = run("--project", "Neural reranker lunch");
        assertThat(project.exit()).isEqualTo(2);
        assertThat(project.err()).contains("unknown project Neural reranker lunch", "(did you mean Neural reranker launch?)").doesNotContain("\tat ");
        assertThat(project.err().lines().count()).isEqualTo(1);
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("--with", MAYA, "--project", "x").exit()).isEqualTo(2);
        assertThat(run("--with", MAYA, "--since", "soon").exit()).isEqualTo(2);
        CliRunner.Result help = CliRunner.run(config, data, CLOCK, sandbox.env(), "help", "prep");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--with", "--project", "--since", "--as", "--format");
    }

    @Test
    void theMorningIsRankedWithTheReasonShown() throws Exception {
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), "brief", "--person", MAYA, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> action = new ArrayList<>();
        items(new ObjectMapper().readTree(r.out()), "Needs your action").forEach(i -> action.add(i.path("text").asText()));
        int pr = stories.changesRequestedPr();
        // her pending review blocks Lena and the launch issue, and was asked of her directly: first
        assertThat(action.get(0)).startsWith("Your review is requested on #" + pr)
                .endsWith("(why here: blocks Lena Novak, RNK-134; asked directly; waiting 3 days).");
        assertThat(action).allSatisfy(t -> assertThat(t).contains("(why here: ").contains("waiting "));
    }
}
