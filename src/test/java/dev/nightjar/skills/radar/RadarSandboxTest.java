package dev.nightjar.skills.radar;

import dev.nightjar.testing.SyncedSandbox;

import dev.nightjar.store.RadarStore;
import dev.nightjar.model.RadarMatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SamplePapers;
import dev.nightjar.sandbox.SandboxServers;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.testing.ContractSchemas;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The research radar over the synced sandbox (arXiv included): the distilled-reranker paper reaches
 * the "Neural reranker launch" project with its reason, the payment paper reaches "Payment retries",
 * and the protein-docking decoy, which shares the reranker's words, reaches nothing.
 */
class RadarSandboxTest {

    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String MAYA = "maya@" + SampleCompany.EMAIL_DOMAIN;
    static final ObjectMapper JSON = new ObjectMapper();

    static Path config;
    static Path data;
    static SandboxServers sandbox;
    static List<SamplePapers.Paper> papers;

    @BeforeAll
    static void sync() throws Exception {
        SyncedSandbox synced = SyncedSandbox.sync("radar-sandbox-", CLOCK);
        config = synced.config();
        data = synced.data();
        sandbox = synced.servers();
        papers = SamplePapers.generate(sandbox.company().now());
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) sandbox.close();
    }

    static Workspace workspace() {
        return new Workspace(data, new ConfigDir(config), Environment.of(Map.of()), CLOCK);
    }

    static String paperId(String title) {
        return "arxiv:paper:" + papers.stream().filter(p -> p.title().startsWith(title)).findFirst().orElseThrow().id();
    }

    static final String RERANKER = "Distilled Cross-Encoder Rerankers", DECOY = "Reranking Protein Docking", RETRIES = "When to Retry";

    @Test
    void papersAreExternalReferences() {
        try (Workspace ws = workspace()) {
            List<StoredDocument> stored = ws.documents().query("source = 'arxiv' AND kind = 'paper' AND deleted_at IS NULL");
            assertThat(stored).hasSize(papers.size());
            assertThat(stored).allSatisfy(d -> assertThat(d.truth()).isEqualTo(TruthLevel.REFERENCE));
            StoredDocument decoy = ws.documents().find(paperId(DECOY)).orElseThrow();
            assertThat(decoy.document().properties()).containsEntry("version", "2").containsEntry("primary_category", "q-bio.BM");
            assertThat(decoy.document().participants()).isEmpty();
        }
    }

    @Test
    void theRerankerPaperMatchesTheRerankerProjectWithItsReason() {
        try (Workspace ws = workspace()) {
            List<RadarMatch> all = new RadarStore(ws.database()).all();
            RadarMatch best = all.stream().filter(m -> m.paperId().equals(paperId(RERANKER))).findFirst().orElseThrow();
            assertThat(title(ws, best.targetId())).isEqualTo("Neural reranker launch");
            assertThat(best.score()).isGreaterThanOrEqualTo(PaperMatcher.THRESHOLD);
            assertThat(best.sharedTerms()).contains("reranker", "distilled");
            assertThat(best.paperSentence()).containsIgnoringCase("cross-encoder");
            assertThat(best.targetSentence()).contains("distilled cross-encoder reranker");

            RadarMatch retries = all.stream().filter(m -> m.paperId().equals(paperId(RETRIES))).findFirst().orElseThrow();
            assertThat(title(ws, retries.targetId())).isEqualTo("Payment retries");
            // the payment paper is not about the reranker, nor the reranker paper about payments
            assertThat(all).noneMatch(m -> m.paperId().equals(paperId(RETRIES)) && title(ws, m.targetId()).contains("reranker"));
            assertThat(all).noneMatch(m -> m.paperId().equals(paperId(RERANKER)) && title(ws, m.targetId()).contains("Payment"));
        }
    }

    @Test
    void theDecoyThatSharesWordsButNotMeaningMatchesNothing() {
        try (Workspace ws = workspace()) {
            assertThat(new RadarStore(ws.database()).all()).noneMatch(m -> m.paperId().equals(paperId(DECOY)));
            assertThat(new RadarStore(ws.database()).all()).noneMatch(m -> m.paperId().contains(papers.get(3).id()));
            // judged, not skipped: the decoy was scored against the reranker project and fell short
            assertThat(new RadarStore(ws.database()).judged()).containsKey(paperId(DECOY));
        }
    }

    @Test
    void theLeadsBriefHasAResearchRadarItemCitingBothSides() throws Exception {
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), "brief", "--person", MAYA, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("brief", r.out())).isEmpty();
        JsonNode section = section(JSON.readTree(r.out()), RadarItems.SECTION).orElseThrow();
        assertThat(section.path("items")).hasSize(1);
        JsonNode item = section.path("items").get(0);
        assertThat(item.path("text").asText()).contains(RERANKER).contains("Neural reranker launch").contains("Why: the paper says");
        assertThat(item.path("citations").toString()).contains("arxiv.org/abs/").contains("linear.app");
        assertThat(r.out()).doesNotContain(DECOY);
    }

    @Test
    void aMatchOnlyOnTheCanonicalPrdReachesItsProjectsLeadAndTeam() throws Exception {
        String prd = "notion:page:" + sandbox.company().stories().canonicalPrdPageId();
        try (Workspace ws = workspace()) {
            RadarStore store = new RadarStore(ws.database());
            List<RadarMatch> kept = store.all().stream().filter(m -> m.paperId().equals(paperId(RERANKER))).toList();
            RadarMatch onPrd = kept.stream().filter(m -> m.targetId().equals(prd)).findFirst().orElseThrow();
            String hash = store.judged().get(paperId(RERANKER));
            store.replace(paperId(RERANKER), hash, List.of(onPrd), NOW);
            try {
                // the PRD names RNK-134 and RNK-130, both in "Neural reranker launch": Maya leads it, Lena's issues are in it
                for (String who : List.of(MAYA, "lena@" + SampleCompany.EMAIL_DOMAIN)) {
                    JsonNode item = section(brief("--person", who), RadarItems.SECTION).orElseThrow().path("items").get(0);
                    assertThat(item.path("text").asText()).as(who).contains(RERANKER, "bears on Neural reranker PRD");
                }
                assertThat(section(brief("--team", "RNK"), RadarItems.SECTION).orElseThrow().toString()).contains(RERANKER);
                // Payments has nothing to do with it (its own payment paper still reaches it)
                for (String[] other : List.of(new String[]{"--person", "jonas@" + SampleCompany.EMAIL_DOMAIN}, new String[]{"--team", "PAY"})) {
                    assertThat(brief(other).toString()).as(other[1]).doesNotContain(RERANKER);
                }
            } finally {
                store.replace(paperId(RERANKER), hash, kept, kept.get(0).matchedAt());
            }
        }
    }

    private static JsonNode brief(String... audience) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("brief"));
        args.addAll(List.of(audience));
        args.addAll(List.of("--format", "json"));
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void askAboutPapersAnswersFromTheSameMatches() throws Exception {
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), "ask", "any new papers relevant to the neural reranker?",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("ask", r.out())).isEmpty();
        JsonNode answer = JSON.readTree(r.out());
        assertThat(answer.path("answer").asText()).contains(RERANKER).doesNotContain(DECOY).doesNotContain(RETRIES);
        assertThat(answer.path("citations").findValuesAsText("truth")).contains("reference");
    }

    @Test
    void aStatusAnswerNeverCitesAPaperAsATeamFact() throws Exception {
        CliRunner.Result r = CliRunner.run(config, data, CLOCK, sandbox.env(), "ask", "where do we stand on the neural reranker launch?",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode answer = JSON.readTree(r.out());
        assertThat(answer.path("citations").findValuesAsText("source")).doesNotContain("arxiv");
        assertThat(answer.path("conflicts").toString()).doesNotContain("arxiv");
    }

    @Test
    void theNextNightJudgesNothingAgain() {
        try (Workspace ws = workspace()) {
            int judged = new Radar(ws, () -> {
                throw new AssertionError("no new paper: the model must not load");
            }).refresh();
            assertThat(judged).isZero();
        }
    }

    private static String title(Workspace ws, String id) {
        return ws.documents().find(id).orElseThrow().document().title();
    }

    private static Optional<JsonNode> section(JsonNode brief, String title) {
        for (JsonNode s : brief.path("sections")) if (s.path("title").asText().equals(title)) return Optional.of(s);
        return Optional.empty();
    }
}
