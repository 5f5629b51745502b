package dev.nightjar.skills;

import dev.nightjar.testing.SyncedSandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.StoredDocument;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The morning brief over the synced sandbox company, each example of issue 15 with its right value:
 * the week-old hybrid-retrieval decision whose thread got a reply last night, Maya (a reviewer of #55,
 * mentioned in that reply), Jonas (pinged overnight), W&B runs of two model families, chatter and
 * scratchpad messages. Synced once through the real connectors and job; briefs as the CLI prints them.
 */
class BriefSandboxTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    static final String MAYA = "maya@" + SampleCompany.EMAIL_DOMAIN, JONAS = "jonas@" + SampleCompany.EMAIL_DOMAIN;

    static Path config;
    static Path data;
    static SandboxServers sandbox;
    static SampleCompany.Stories stories;

    @BeforeAll
    static void sync() throws Exception {
        SyncedSandbox synced = SyncedSandbox.sync("brief-sandbox-", CLOCK);
        config = synced.config();
        data = synced.data();
        sandbox = synced.servers();
        stories = sandbox.company().stories();
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    static JsonNode brief(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("brief"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(dev.nightjar.testing.ContractSchemas.violations("brief", r.out())).isEmpty();
        return new ObjectMapper().readTree(r.out());
    }

    static String markdown(String... args) {
        List<String> all = new ArrayList<>(List.of("brief"));
        all.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), all.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }

    static List<String> items(JsonNode brief, String section) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : brief.path("sections")) {
            if (section == null || s.path("title").asText().equals(section)) s.path("items").forEach(i -> out.add(i.path("text").asText()));
        }
        return out;
    }

    static List<String> titles(JsonNode brief) {
        List<String> out = new ArrayList<>();
        brief.path("sections").forEach(s -> out.add(s.path("title").asText()));
        return out;
    }

    @Test
    void aNewReplyToAWeekOldDecisionIsNewsAboutThatDecisionNotANewDecision() throws Exception {
        JsonNode rnk = brief("--team", "RNK");
        assertThat(items(rnk, "New decisions")).noneMatch(t -> t.contains("hybrid BM25+dense"));
        assertThat(items(rnk, "Earlier decisions, new replies")).singleElement().satisfies(t -> assertThat(t)
                .contains("go with hybrid BM25+dense", "(Maya Okafor, 7 days ago)", "confirmed by Tomás Ibarra", "hybrid is +5.8% recall@100"));
        // the reply is shown once, with its decision
        assertThat(items(rnk, null).stream().filter(t -> t.contains("+5.8% recall@100"))).hasSize(1);
    }

    @Test
    void thisWeeksDecisionsAreThoseMadeThisWeekByTheMessageThatStatesThem() {
        try (Workspace ws = new Workspace(data, new ConfigDir(config), Environment.of(sandbox.env()), CLOCK)) {
            DecisionLog log = new DecisionLog(ws.database(), ws.documents(), CLOCK);
            log.catchUp();
            String thread = "slack:thread:" + stories.decisionChannelId() + "/" + stories.decisionThreadTs();
            StoredDocument doc = ws.documents().find(thread).orElseThrow();
            assertThat(doc.document().updatedAt()).isAfter(NOW.minus(Duration.ofDays(1))); // the thread moved last night
            List<Decision> ofThread = log.forDocuments(List.of(thread));
            assertThat(ofThread).singleElement().satisfies(d -> {
                assertThat(d.text()).isEqualTo("go with hybrid BM25+dense");
                // the thread opened 7.2 days ago (to the second); Maya stated the decision 90 minutes later
                Instant opened = NOW.minusMillis((long) (7.2 * 86_400_000L)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                assertThat(d.decidedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).isEqualTo(opened.plusSeconds(5400));
            });
            assertThat(log.since(NOW.minus(Duration.ofDays(7)))).noneMatch(d -> d.docId().equals(thread));
        }
    }

    @Test
    void mentionsSayWhoMentionedWhom() throws Exception {
        JsonNode rnk = brief("--team", "RNK");
        assertThat(items(rnk, null)).noneMatch(t -> t.contains("Maya Okafor mentioned") || t.contains("by Maya Okafor (working)"));
        assertThat(items(rnk, null)).anySatisfy(t -> assertThat(t).contains("Tomás Ibarra", "mentioning Maya Okafor", "+5.8% recall@100"));

        JsonNode jonas = brief("--person", JONAS);
        assertThat(items(jonas, "Mentions")).anySatisfy(t -> assertThat(t).startsWith("Aiko Tanaka mentioned you in #payments")
                .contains("Should we pause the 20% ramp?"));
    }

    @Test
    void needsYourActionOnlyForWhoeverMustAct() throws Exception {
        JsonNode maya = brief("--person", MAYA);
        int pr = stories.changesRequestedPr();
        // Maya reviews #55; the changes requested are its author's to address
        assertThat(items(maya, null)).noneMatch(t -> t.contains("Changes requested on #" + pr));
        assertThat(items(maya, "Needs your action")).anySatisfy(t -> assertThat(t).startsWith("Your review is requested on #" + pr));
        // ... and her brief has the Slack mention she got last night
        assertThat(items(maya, null)).anySatisfy(t -> assertThat(t).contains("Tomás Ibarra", "mentioning you", "+5.8% recall@100"));

        JsonNode rnk = brief("--team", "RNK");
        assertThat(items(rnk, "Needs your action")).anySatisfy(t -> assertThat(t).startsWith("Changes requested on #" + pr)
                .contains("(author) to address").doesNotContain("Maya Okafor (author)"));
    }

    @Test
    void noSystemKeysDuplicatesPaddingSummaryBlocksOrRawTimestamps() throws Exception {
        JsonNode week = brief("--team", "RNK", "--since", "7d");
        List<String> all = items(week, null);
        assertThat(all).isNotEmpty().noneMatch(t -> t.contains("_runtime") || t.contains("_step") || t.contains("_timestamp"))
                .noneMatch(t -> t.contains("--- Summary") || t.contains("Summary:")).noneMatch(t -> t.startsWith("Picking up") || t.contains("\"Picking up"))
                .noneMatch(t -> ISO_INSTANT.matcher(t).find());
        // the scratchpad message and the note made from it are one item, named
        List<String> scratch = items(week, "Scratchpad notes (raw thoughts, not facts)");
        assertThat(scratch.stream().filter(t -> t.contains("pull the reranker launch forward"))).singleElement()
                .satisfies(t -> assertThat(t).startsWith("Scratchpad note by Jonas Weber:"));
        // humanised, in the reader's zone
        String md = markdown("--person", MAYA);
        assertThat(md).contains("(Europe/London)_");
        assertThat(md.substring(0, md.indexOf("Sources"))).doesNotContainPattern(ISO_INSTANT);
        assertThat(items(brief("--team", "RNK"), "Experiments")).anySatisfy(t -> assertThat(t)
                .isEqualTo("Run rnk-130-shadow-eval crashed 7 h ago."));
    }

    @Test
    void experimentDeltasOnlyBetweenRunsOfOneFamily() throws Exception {
        List<String> runs = items(brief("--team", "RNK", "--since", "7d"), "Experiments");
        Pattern vs = Pattern.compile("Run (\\S+) finished.*?\\(([+-][\\d.]+) vs (\\S+?)\\)");
        int compared = 0;
        try (Workspace ws = new Workspace(data, new ConfigDir(config), Environment.of(sandbox.env()), CLOCK)) {
            for (String t : runs) {
                Matcher m = vs.matcher(t);
                if (!m.find()) continue;
                compared++;
                Map<String, String> a = run(ws, m.group(1)), b = run(ws, m.group(3));
                for (String k : List.of("project", "group", "job_type", "config.model")) assertThat(b.get(k)).as(t + " " + k).isEqualTo(a.get(k));
                assertThat(m.group(3).replaceAll("\\d+", "#")).as(t).isEqualTo(m.group(1).replaceAll("\\d+", "#"));
            }
        }
        assertThat(compared).isPositive();
    }

    private static Map<String, String> run(Workspace ws, String name) {
        return ws.documents().query("source = 'wandb' AND kind = 'run' AND title = ?", name).get(0).document().properties();
    }

    @Test
    void factsAreRankedAboveChatter() throws Exception {
        List<String> t = titles(brief("--team", "RNK", "--since", "7d"));
        int lastFact = Math.max(t.indexOf("Experiments"), Math.max(t.indexOf("Merged pull requests"), t.indexOf("Issues moved")));
        for (String chatter : List.of("Mentions", "New replies to older threads", "Scratchpad notes (raw thoughts, not facts)")) {
            if (t.contains(chatter)) assertThat(t.indexOf(chatter)).as(chatter).isGreaterThan(lastFact);
        }
        assertThat(t.get(0)).isEqualTo("Needs your action");
    }
}
