package dev.nightjar.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nightjar.Workspace;
import dev.nightjar.cli.CliRunner;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ask`, `brief` and `scratchpad add` as a user runs them: output formats, contracts, exit codes. */
class SkillsCliTest {

    @TempDir
    Path tmp;
    Path config, data;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);

    @BeforeEach
    void seed() {
        try (Workspace ws = TempWorkspace.open(tmp)) {
            SkillsFixture.seed(ws);
        }
        config = tmp.resolve("config");
        data = tmp.resolve("data");
    }

    private CliRunner.Result nightjar(String... args) {
        return CliRunner.run(config, data, clock, Map.of(), args);
    }

    @Test
    void askPrintsCitedTextAndContractJson() {
        CliRunner.Result text = nightjar("ask", "where do we stand on Ranker v2?");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("_Subject: Ranker v2 (Linear initiative)._", "Sources", "] Ranker v2 PRD (notion, canonical)");

        CliRunner.Result json = nightjar("ask", "where", "do", "we", "stand", "on", "Ranker", "v2", "--as", "sam@example.com", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(ContractSchemas.violations("ask", json.out())).isEmpty();
        assertThat(json.out()).contains("\"question\" : \"where do we stand on Ranker v2\"").doesNotContain("C0PRIV");
    }

    @Test
    void unknownAsOrPersonIsExitTwoWithOneClearLine() {
        CliRunner.Result ask = nightjar("ask", "status of ranker", "--as", "ghost@example.com");
        assertThat(ask.exit()).isEqualTo(2);
        assertThat(ask.err().lines()).singleElement().asString().contains("unknown person ghost@example.com");

        CliRunner.Result brief = nightjar("brief", "--person", "ghost@example.com");
        assertThat(brief.exit()).isEqualTo(2);
        assertThat(nightjar("brief", "--team", "RNK", "--person", "dana@example.com").exit()).isEqualTo(2);
        assertThat(nightjar("brief", "--team", "RNK", "--since", "soon").exit()).isEqualTo(2);
        assertThat(nightjar("scratchpad", "add", "hello", "--by", "ghost@example.com").exit()).isEqualTo(2);
    }

    @Test
    void briefPrintsMarkdownAndContractJson() {
        CliRunner.Result md = nightjar("brief", "--team", "RNK", "--since", "24h");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# Morning brief for RNK").contains("## Merged pull requests").contains("https://github.com/acme/ranker/pull/41");

        CliRunner.Result json = nightjar("brief", "--person", "dana@example.com", "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(ContractSchemas.violations("brief", json.out())).isEmpty();
    }

    @Test
    void scratchpadAddPrintsTheStructuredNoteAndStatusShowsTheLlmBlock() {
        CliRunner.Result json = nightjar("scratchpad", "add", "billing cutover: Priya to draft the rollback runbook", "--by", "sam@example.com",
                "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(ContractSchemas.violations("scratchpad", json.out())).isEmpty();
        assertThat(json.out()).contains("\"title\" : \"Billing migration cutover\"", "\"owner\" : \"priya@example.com\"");

        CliRunner.Result text = nightjar("scratchpad", "add", "harness or cutover, not sure", "--by", "sam@example.com");
        assertThat(text.out()).contains("Project:   unsure; candidates:");

        CliRunner.Result status = nightjar("status", "--format", "json");
        assertThat(ContractSchemas.violations("status", status.out())).isEmpty();
        assertThat(status.out()).contains("\"tokens_today\" : 0", "\"budget\" : 200000");
    }
}
