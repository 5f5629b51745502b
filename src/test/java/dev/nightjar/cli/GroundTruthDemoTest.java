package dev.nightjar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.testing.ContractSchemas;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's ground truth on the demo company, read back through the CLI after one `demo`: source
 * times (a three-day-old scratchpad thought is not news in `brief --since 1h`; a week-old decision
 * with a reply last night is an old decision with a new reply), one person across sources (`ask`
 * about Lena Novak finds her, not her GitHub no-reply address), and `show`. The clock is fixed a year
 * after the dates the sandbox is usually built for, so nothing here depends on today's date, and the
 * sync time (the clock) is days away from every source time asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthDemoTest {

    static final Instant NOW = Instant.parse("2027-11-25T09:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SampleCompany.Stories stories;
    Path data, config;

    @BeforeAll
    void runTheDemo(@TempDir Path tmp) {
        stories = SampleCompany.generate(clock).stories();
        data = tmp.resolve("demo");
        CliRunner.Result demo = CliRunner.run(null, data, clock, Map.of(), "demo");
        assertThat(demo.exit()).as(demo.err()).isZero();
        config = data.resolve("demo-config");
    }

    private CliRunner.Result nightjar(String... args) {
        return CliRunner.run(config, data, clock, Map.of(), args);
    }

    private JsonNode showJson(String ref, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("show", ref, "--format", "json"));
        args.addAll(List.of(more));
        CliRunner.Result r = nightjar(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("show", r.out())).isEmpty();
        return JSON.readTree(r.out());
    }

    static Instant slackTime(String ts) {
        BigDecimal d = new BigDecimal(ts);
        return Instant.ofEpochSecond(d.longValue(), d.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    @Test
    void aScratchpadNoteIsDatedWhenItsSlackMessageWasWrittenAndIsNoNewsAnHourLater() throws Exception {
        String thread = "slack:thread:" + stories.scratchpadChannelId() + "/" + stories.scratchpadTs();
        Instant written = slackTime(stories.scratchpadTs());
        assertThat(written).isBefore(NOW.minusSeconds(2 * 86_400)); // the story: written three days before the sync

        String noteUrl = null;
        for (JsonNode l : showJson(thread).path("links")) {
            if (l.path("direction").asText().equals("in") && l.path("url").asText().contains("/notes/")) noteUrl = l.path("url").asText();
        }
        assertThat(noteUrl).as("the note made from the scratchpad thread links to it").isNotNull();
        JsonNode note = showJson(noteUrl);
        assertThat(Instant.parse(note.path("created_at").asText())).isEqualTo(written);
        assertThat(Instant.parse(note.path("versions").get(0).path("at").asText())).isEqualTo(written);
        assertThat(note.path("author").path("name").asText()).isEqualTo("Jonas Weber");
        CliRunner.Result text = nightjar("show", noteUrl);
        assertThat(text.out()).contains("Created: " + new TextTime(NOW).say(written) + "  (source time)")
                .doesNotContain("Created: " + written).contains("scratchpad");

        CliRunner.Result hour = nightjar("brief", "--person", "jonas@kestrel.example", "--since", "1h");
        assertThat(hour.exit()).as(hour.err()).isZero();
        assertThat(hour.out()).doesNotContain("Scratchpad note").doesNotContain(noteUrl);
        CliRunner.Result days = nightjar("brief", "--person", "jonas@kestrel.example", "--since", "4d");
        assertThat(days.out()).contains("Scratchpad note by Jonas Weber").contains(noteUrl);
    }

    @Test
    void aWeekOldDecisionWithAReplyLastNightIsAnOldDecisionWithANewReply() throws Exception {
        String thread = "slack:thread:" + stories.decisionChannelId() + "/" + stories.decisionThreadTs();
        JsonNode shown = showJson(thread);
        assertThat(Instant.parse(shown.path("created_at").asText())).isEqualTo(slackTime(stories.decisionThreadTs()));
        assertThat(Instant.parse(shown.path("updated_at").asText())).isEqualTo(slackTime(stories.lateReplyTs()));
        JsonNode last = shown.path("versions").get(shown.path("versions").size() - 1);
        assertThat(last.path("by").asText()).isEqualTo("Tomás Ibarra");

        String brief = nightjar("brief", "--team", "RNK", "--since", "24h").out();
        assertThat(brief).doesNotContain("## New decisions").doesNotContain("Decision: go with hybrid");
        // the old decision with its new reply, quoted and attributed to who wrote the reply
        assertThat(brief).contains("## Earlier decisions, new replies").contains("(Maya Okafor, 7 days ago): go with hybrid BM25+dense")
                .contains("confirmed by Tomás Ibarra").contains("hybrid is +5.8% recall@100");
        // the decision is still in the log, dated by the message that states it
        String why = nightjar("ask", "Why did we go with hybrid BM25+dense?").out();
        assertThat(why).contains("Decision: go with hybrid BM25+dense");
    }

    @Test
    void askAboutAPersonByNameFindsThePersonAcrossSourcesNeverANoReplyAddress() throws Exception {
        CliRunner.Result r = nightjar("ask", "What is Lena Novak working on?", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode answer = JSON.readTree(r.out());
        assertThat(answer.path("subject").path("key").asText()).isEqualTo("lena@kestrel.example");
        assertThat(answer.path("subject").path("title").asText()).isEqualTo("Lena Novak");
        assertThat(r.out()).doesNotContain("noreply").contains("/runs/").contains(stories.crashedRunName())
                .contains("linear.app/kestrel/issue/RNK-130");

        // the same person as `brief --person` sees, by the no-reply address too
        CliRunner.Result byNoreply = nightjar("ask", "What is 5123757+lnovak@users.noreply.github.com working on?", "--format", "json");
        assertThat(JSON.readTree(byNoreply.out()).path("subject").path("key").asText()).isEqualTo("lena@kestrel.example");
    }

    @Test
    void showOnTheCanonicalPrdPrintsItsMarkAndItsVersions() throws Exception {
        String prd = "notion:page:" + stories.canonicalPrdPageId();
        JsonNode byRule = showJson(prd);
        assertThat(byRule.path("truth").path("level").asText()).isEqualTo("canonical");
        assertThat(byRule.path("truth").path("reason").asText()).startsWith("rule approved-prds of index/truth.yml, matched since v1 of ");
        assertThat(byRule.path("truth").path("review_by").asText()).isNotEmpty();
        Instant edited = Instant.parse(byRule.path("updated_at").asText());
        assertThat(edited).isBefore(NOW.minusSeconds(86_400));

        CliRunner.Result mark = nightjar("canonical", "mark", byRule.path("url").asText(), "--by", "ben@kestrel.example",
                "--review-every", "30d", "--reason", "approved at the launch review");
        assertThat(mark.exit()).as(mark.err()).isZero();
        JsonNode marked = showJson(byRule.path("url").asText());
        assertThat(marked.path("truth").path("marked_by").asText()).isEqualTo("ben@kestrel.example");
        assertThat(marked.path("truth").path("reason").asText())
                .isEqualTo("marked canonical by ben@kestrel.example on 2027-11-25 (approved at the launch review)");
        assertThat(Instant.parse(marked.path("truth").path("review_by").asText())).isEqualTo(NOW.plusSeconds(30 * 86_400L));
        assertThat(marked.path("versions")).hasSize(1);
        assertThat(Instant.parse(marked.path("versions").get(0).path("at").asText())).isEqualTo(edited);
        assertThat(marked.path("versions").get(0).path("summary").asText()).isEqualTo("created");
        assertThat(marked.path("author").path("email").asText()).isEqualTo("priya@kestrel.example");

        String text = nightjar("show", prd).out();
        assertThat(text).contains("Truth:   canonical — marked canonical by ben@kestrel.example on 2027-11-25 (approved at the launch review); review by 2027-12-25")
                .contains("Versions (1)").contains("v1   " + new TextTime(NOW).say(edited)).contains("Launch date");
        // the draft this PRD replaced says so, and points at it
        JsonNode draft = showJson("notion:page:" + stories.draftPrdPageId());
        assertThat(draft.path("truth").path("superseded_by").asText()).isEqualTo(marked.path("url").asText());
    }

    @Test
    void anUnknownDocumentAndOneTheViewerMayNotReadGiveTheSameExit2() {
        CliRunner.Result unknown = nightjar("show", "https://linear.app/kestrel/issue/NOPE-1");
        assertThat(unknown.exit()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).startsWith("nightjar: no document https://linear.app/kestrel/issue/NOPE-1 in the store");
        assertThat(unknown.out()).isEmpty();

        String secret = "slack:thread:" + stories.privateChannelId() + "/" + stories.privateThreadTs();
        List<String> refused = new ArrayList<>(), allowed = new ArrayList<>();
        for (String who : List.of("maya", "tomas", "priya", "lena", "jonas", "aiko", "omar", "sam", "grace", "ben")) {
            CliRunner.Result r = nightjar("show", secret, "--as", who + "@kestrel.example");
            if (r.exit() == 0) {
                allowed.add(who);
            } else {
                assertThat(r.exit()).isEqualTo(Cli.USAGE);
                assertThat(r.err()).isEqualTo("nightjar: no document " + secret
                        + " in the store (check the URL or id; `nightjar sync` reads the sources)\n");
                assertThat(r.out()).isEmpty();
                refused.add(who);
            }
        }
        assertThat(allowed).as("the private channel's members read it").isNotEmpty();
        assertThat(refused).as("everyone else is told it does not exist").isNotEmpty();
        assertThat(nightjar("show", "slack:thread:C0NOTHERE/1.000001", "--as", "maya@kestrel.example").exit()).isEqualTo(Cli.USAGE);
    }
}
