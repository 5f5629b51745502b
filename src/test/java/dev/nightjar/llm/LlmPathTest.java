package dev.nightjar.llm;

import dev.nightjar.store.ledgers.ResponseCache;
import dev.nightjar.store.ledgers.TokenLedger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.skills.SkillsFixtureAccess;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.scratchpad.Note;
import dev.nightjar.skills.scratchpad.ScratchpadService;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM path against a local fake of the OpenAI API: no real calls. */
class LlmPathTest {

    static final String QUESTION = "Where do we stand on Ranker v2?";

    @TempDir
    Path tmp;
    Workspace ws;
    FakeOpenAi openai;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);

    @BeforeEach
    void setUp() throws Exception {
        ws = TempWorkspace.open(tmp);
        SkillsFixtureAccess.seed(ws);
        openai = new FakeOpenAi();
    }

    @AfterEach
    void tearDown() throws Exception {
        ws.close();
        openai.close();
    }

    LlmWriter writer(long budget) {
        LlmSettings settings = new LlmSettings(Optional.of("test-key"), openai.baseUrl(), "gpt-4o-mini", budget);
        return new LlmWriter(settings, new OpenAiLlmClient("test-key", openai.baseUrl()), new PromptTemplates(ws.config()),
                new TokenLedger(ws.database()), new ResponseCache(ws.database()), clock);
    }

    AskService ask(long budget) {
        return new AskService(ws, Optional.of(writer(budget)));
    }

    /** The number the prompt gave the fact containing {@code text}. */
    static String citationOf(String prompt, String text) {
        Matcher m = Pattern.compile("(?m)^- \\(.*\\) " + Pattern.quote(text) + ".*?\\[(\\d+)]").matcher(prompt);
        if (!m.find()) throw new AssertionError("no fact '" + text + "' in prompt:\n" + prompt);
        return m.group(1);
    }

    static String prompt(com.fasterxml.jackson.databind.JsonNode request) {
        StringBuilder sb = new StringBuilder();
        for (var m : request.path("messages")) sb.append(m.path("content").asText()).append('\n');
        return sb.toString();
    }

    long ledgerTokens() {
        return new TokenLedger(ws.database()).tokensSince(Instant.EPOCH);
    }

    @Test
    void thePromptHoldsOnlyWhatTheAskerMaySeeAndAValidAnswerIsUsed() {
        openai.reply(r -> "The canonical launch date is 2026-12-15 [" + citationOf(prompt(r), "Launch date 2026-12-15") + "].");
        Answer a = ask(200_000).ask(QUESTION, Viewer.person("sam@example.com", ws.people()));

        String prompt = openai.prompt(0);
        assertThat(prompt).contains("Question: " + QUESTION, "Launch date 2026-12-15");
        // the model writes the top level; the scratchpad notes below the budget stay extractive, labelled, in the details
        assertThat(prompt + a.more()).contains("Scratchpad notes (raw thoughts, not facts)");
        assertThat(prompt + a.more()).doesNotContain(dev.nightjar.skills.SkillsFixture.PRIVATE_SECRET).doesNotContain("distilled").doesNotContain("C0PRIV");
        assertThat(a.llm().used()).isTrue();
        assertThat(a.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(a.llm().tokensIn()).isEqualTo(FakeOpenAi.TOKENS_IN);
        assertThat(a.llm().tokensOut()).isEqualTo(FakeOpenAi.TOKENS_OUT);
        assertThat(a.markdown()).contains("The canonical launch date is 2026-12-15 [");
        assertThat(ledgerTokens()).isEqualTo(160);
        assertThat(ContractSchemas.violations("ask", dev.nightjar.skills.ask.AnswerRenderer.jsonText(a))).isEmpty();
    }

    @Test
    void anInventedCitationIsRejectedRetriedOnceThenTheExtractiveTextStands() {
        openai.reply(r -> "Launch is on track [99].");
        Answer a = ask(200_000).ask(QUESTION, Viewer.operator());

        assertThat(openai.requests).hasSize(2);
        assertThat(openai.prompt(1)).contains("That answer was rejected: citation [99] is not one of the given facts");
        assertThat(a.llm().used()).isFalse();
        assertThat(a.llm().tokensIn()).isEqualTo(2 * FakeOpenAi.TOKENS_IN);
        assertThat(a.markdown()).doesNotContain("[99]").contains("Launch date 2026-12-15, per the canonical Ranker v2 PRD");
        assertThat(ledgerTokens()).isEqualTo(320);
    }

    @Test
    void anInventedNumberIsRejectedAndAGoodRetryIsAccepted() {
        int[] calls = {0};
        openai.reply(r -> {
            String n = citationOf(prompt(r), "Launch date 2026-12-15");
            return calls[0]++ == 0 ? "Launch slips by 17 weeks [" + n + "]." : "Launch is set for 2026-12-15 [" + n + "].";
        });
        Answer a = ask(200_000).ask(QUESTION, Viewer.operator());
        assertThat(openai.prompt(1)).contains("number 17 is not in the facts");
        assertThat(a.llm().used()).isTrue();
        assertThat(a.markdown()).contains("Launch is set for 2026-12-15").doesNotContain("17 weeks");
    }

    @Test
    void aCacheHitCostsZeroTokens() {
        openai.reply(r -> "Launch: 2026-12-15 [" + citationOf(prompt(r), "Launch date 2026-12-15") + "].");
        Answer first = ask(200_000).ask(QUESTION, Viewer.operator());
        Answer second = ask(200_000).ask(QUESTION, Viewer.operator());

        assertThat(openai.requests).hasSize(1);
        assertThat(first.llm().tokensIn() + first.llm().tokensOut()).isEqualTo(160);
        assertThat(second.llm().used()).isTrue();
        assertThat(second.llm().tokensIn() + second.llm().tokensOut()).isZero();
        assertThat(second.markdown()).isEqualTo(first.markdown());
        assertThat(ledgerTokens()).isEqualTo(160);
    }

    @Test
    void theBudgetStopsCallsAndAnswersStayExtractive() {
        openai.reply(r -> "Launch: 2026-12-15 [" + citationOf(prompt(r), "Launch date 2026-12-15") + "].");
        ask(100).ask(QUESTION, Viewer.operator());                        // spends 160 of 100: the last call allowed
        Answer over = ask(100).ask("What is blocking RNK-101?", Viewer.operator());
        assertThat(openai.requests).hasSize(1);
        assertThat(over.llm().used()).isFalse();
        assertThat(over.markdown()).contains("is blocked by RNK-102");
    }

    @Test
    void scratchpadExtractionUsesStructuredOutputAndRejectsUnknownOwners() throws Exception {
        openai.reply(r -> "{\"summary\":\"Rollback runbook for the billing cutover\",\"actions\":[{\"text\":\"Draft the rollback runbook\","
                + "\"owner\":\"priya@example.com\"}],\"decisions\":[],\"questions\":[\"Freeze invoices during cutover?\"]}");
        ScratchpadService s = new ScratchpadService(ws, Optional.of(writer(200_000)));
        Note note = s.add("billing cutover: Priya should draft the rollback runbook. freeze invoices during cutover?", "sam@example.com");

        var request = openai.requests.get(0);
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_schema");
        assertThat(request.path("response_format").path("json_schema").path("schema").path("required").toString()).contains("summary", "actions");
        assertThat(note.llmUsed()).isTrue();
        assertThat(note.summary()).isEqualTo("Rollback runbook for the billing cutover");
        assertThat(note.project().title()).isEqualTo("Billing migration cutover");

        openai.reply(r -> "{\"summary\":\"x\",\"actions\":[{\"text\":\"y\",\"owner\":\"ceo@elsewhere.com\"}],\"decisions\":[],\"questions\":[]}");
        Note fallback = s.add("billing cutover: Priya should check refunds.", "sam@example.com");
        assertThat(fallback.llmUsed()).isFalse();
        assertThat(fallback.actions()).singleElement().satisfies(a -> assertThat(a.owner()).isEqualTo("priya@example.com"));
    }

    @Test
    void theBriefIsWrittenFromItsNumberedItemsAndKeepsItsSections() {
        openai.reply(r -> "## Merged\n- #41 merged [" + citationOf(prompt(r), "Merged #41") + "].");
        var brief = new dev.nightjar.skills.brief.BriefService(ws, Optional.of(writer(200_000))).forTeam("RNK", java.time.Duration.ofHours(24));
        assertThat(openai.prompt(0)).contains("morning brief for RNK", "(Merged pull requests; record) Merged #41")
                .doesNotContain("C0PRIV").doesNotContain("RNK-105 tokenizer cleanup");
        assertThat(brief.llm().used()).isTrue();
        String md = dev.nightjar.skills.brief.BriefRenderer.markdown(brief);
        assertThat(md).contains("- #41 merged [").contains("Sources");
        String json = dev.nightjar.skills.brief.BriefRenderer.jsonText(brief);
        assertThat(ContractSchemas.violations("brief", json)).isEmpty();
        assertThat(json).contains("\"title\" : \"Merged pull requests\"");
    }

    @Test
    void theCliTakesTheKeyAndBaseUrlFromTheEnvironmentAndStatusShowsTheTokens() {
        openai.reply(r -> "Launch: 2026-12-15 [" + citationOf(prompt(r), "Launch date 2026-12-15") + "].");
        ws.close();
        Map<String, String> env = Map.of("OPENAI_API_KEY", "test-key", "OPENAI_BASE_URL", openai.baseUrl(), "NIGHTJAR_LLM_BUDGET", "5000");
        Path config = tmp.resolve("config"), data = tmp.resolve("data");
        CliRunner.Result r = CliRunner.run(config, data, clock, env, "ask", QUESTION, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"used\" : true", "\"tokens_in\" : 120");
        CliRunner.Result status = CliRunner.run(config, data, clock, env, "status", "--format", "json");
        assertThat(status.out()).contains("\"tokens_today\" : 160", "\"budget\" : 5000");
        ws = TempWorkspace.open(tmp);
    }
}
