package dev.nightjar.cli;

import static dev.nightjar.testing.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.Workspace;
import dev.nightjar.testing.ContractSchemas;
import dev.nightjar.testing.TempWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusAndConfigErrorsTest {

    @TempDir
    Path tmp;
    final Clock clock = Clock.fixed(TempWorkspace.NOW, ZoneOffset.UTC);

    @Test
    void statusJsonFollowsTheContractAndCountsByTruth() throws Exception {
        try (Workspace ws = TempWorkspace.open(tmp, clock, Map.of())) {
            TempWorkspace.ingest(ws, List.of(doc("linear:issue:PAY-1", "a", "b", TempWorkspace.NOW),
                    doc("slack:thread:C1/1.0", "c", "d", TempWorkspace.NOW)));
            ws.cursors().put("linear", "issues", "{\"since\":\"2026-11-25T00:00:00Z\"}", TempWorkspace.NOW);
            ws.cursors().put("wandb", "runs", "{}", java.time.Instant.parse("2026-11-25T02:46:11.317102Z"));
        }
        CliRunner.Result r = CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), "status", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ContractSchemas.violations("status", r.out())).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.at("/documents/total").asInt()).isEqualTo(2);
        assertThat(json.at("/documents/by_source/linear").asInt()).isEqualTo(1);
        assertThat(json.at("/documents/by_kind/slack:thread").asInt()).isEqualTo(1);
        assertThat(json.at("/documents/by_truth/record").asInt()).isEqualTo(1);
        assertThat(json.at("/documents/by_truth/working").asInt()).isEqualTo(1);
        assertThat(json.at("/index/documents").asInt()).isEqualTo(2);
        assertThat(json.at("/cursors/0/stream").asText()).isEqualTo("issues");
        assertThat(json.at("/runs").isArray()).isTrue();

        CliRunner.Result text = CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), "status");
        assertThat(text.out()).contains("Documents  2").contains("linear:issue")
                // text says times to the minute with their age from the injected clock; JSON keeps the instant
                .containsPattern("wandb +runs +updated 2026-11-25 02:46 UTC, 3 h ago\n")
                .containsPattern("linear +issues +updated 2026-11-25 06:00 UTC, just now\n")
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d");
        assertThat(r.out()).contains("2026-11-25T02:46:11.317102Z");
    }

    @Test
    void malformedYamlIsOneClearLineWithExitTwo() throws Exception {
        TempWorkspace.open(tmp).close(); // canonical mark needs a store
        Path config = Files.createDirectories(tmp.resolve("config/index"));
        Files.writeString(config.resolve("truth.yml"), "rules:\n  - name: [unclosed\n");
        CliRunner.Result r = CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(),
                "canonical", "mark", "https://x.test/a", "--by", "a@example.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("truth.yml").contains("invalid YAML at line");
    }

    @Test
    void unknownKeyNamesTheKeyAndTheKnownOnes() throws Exception {
        TempWorkspace.open(tmp).close(); // canonical mark needs a store
        Path config = Files.createDirectories(tmp.resolve("config/index"));
        Files.writeString(config.resolve("truth.yml"), "review-every: 90d\nrulez: []\n");
        CliRunner.Result r = CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(),
                "canonical", "mark", "https://x.test/a", "--by", "a@example.com");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString()
                .contains("unknown key 'rulez'").contains("known keys: defaults, review-every, rules");
    }

    @Test
    void unusableDataDirIsOneClearLineWithExitTwo() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        CliRunner.Result r = CliRunner.run(null, file.resolve("data"), clock, ALL_TOKENS, "sync");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("data dir").contains("cannot be created");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void syncNamesEveryMissingTokenVariableAtOnceAndCreatesNothing() {
        CliRunner.Result r = CliRunner.run(null, tmp.resolve("data"), clock, Map.of("GITHUB_TOKEN", "set"), "sync");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("nightjar: ").contains("is not set"))
                .anySatisfy(l -> assertThat(l).contains("LINEAR_API_KEY")).anySatisfy(l -> assertThat(l).contains("WANDB_API_KEY"))
                .anySatisfy(l -> assertThat(l).contains("NOTION_TOKEN")).anySatisfy(l -> assertThat(l).contains("SLACK_BOT_TOKEN"));
        assertThat(tmp.resolve("data")).as("a sync that cannot start leaves no empty store behind").doesNotExist();
    }

    @Test
    void earlyConfigurationErrorsOfCommandsThatCreateAStoreCreateNothing() {
        Path fresh = tmp.resolve("fresh/data");
        List<CliRunner.Result> failed = List.of(
                CliRunner.run(null, fresh, clock, ALL_TOKENS, "sync", "--source", "jira"),
                CliRunner.run(null, fresh, clock, ALL_TOKENS, "sync", "--source", "arxiv"),   // disabled unless configured
                CliRunner.run(null, fresh, clock, with(ALL_TOKENS, "NIGHTJAR_DB_URL", "jdbc:mysql://db.internal/nightjar"), "sync"),
                CliRunner.run(null, fresh, clock, Map.of(), "serve", "--port", "70000"),
                CliRunner.run(null, fresh, clock, Map.of(), "serve", "--port", "0", "--bind", "[::1"));   // no lookup: a malformed literal
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.exit()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines()).as(r.err()).singleElement().asString().startsWith("nightjar: ");
        });
        assertThat(failed.get(0).err()).contains("jira");
        assertThat(failed.get(2).err()).contains("NIGHTJAR_DB_URL");
        assertThat(failed.get(3).err()).contains("--port 70000");
        assertThat(failed.get(4).err()).contains("--bind [::1");
        assertThat(tmp.resolve("fresh")).doesNotExist();
    }

    private static final Map<String, String> ALL_TOKENS = Map.of("LINEAR_API_KEY", "t", "GITHUB_TOKEN", "t", "WANDB_API_KEY", "t",
            "NOTION_TOKEN", "t", "SLACK_BOT_TOKEN", "t");

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> out = new java.util.HashMap<>(env);
        out.put(key, value);
        return out;
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliRunner.Result r = CliRunner.run(null, tmp.resolve("data"), clock, Map.of(), "status", "--fromat", "json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--fromat'").contains("status --help");
    }

    @Test
    void dataDirComesFromTheEnvironmentWhenNotGiven() {
        TempWorkspace.open(tmp.resolve("env")).close(); // a store in env/data
        Map<String, String> env = Map.of("NIGHTJAR_DATA", tmp.resolve("env/data").toString());
        CliRunner.Result r = CliRunner.run(null, null, clock, env, "status", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(tmp.resolve("env/data").toString());
    }

    @Test
    void commandsThatNeedAStoreRefuseAMissingOneAndCreateNothing() {
        Path missing = tmp.resolve("typo/data");
        // every command that reads, or writes into, what a sync stored; sync, serve and demo create the store instead
        for (String[] args : List.of(new String[]{"status"}, new String[]{"ask", "where do we stand?"}, new String[]{"brief", "--team", "PAY"},
                new String[]{"canonical", "list"}, new String[]{"show", "RNK-134"}, new String[]{"prep", "--with", "maya@kestrel.example"},
                new String[]{"reindex"}, new String[]{"scratchpad", "add", "a thought", "--by", "a@example.com"},
                new String[]{"canonical", "mark", "https://www.notion.so/x", "--by", "a@example.com"},
                new String[]{"canonical", "unmark", "https://www.notion.so/x", "--by", "a@example.com"})) {
            CliRunner.Result r = CliRunner.run(null, missing, clock, Map.of(), args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).singleElement().asString()
                    .isEqualTo("nightjar: no Nightjar store in " + missing.toAbsolutePath()
                            + " (check --data-dir / NIGHTJAR_DATA; `nightjar sync` or `nightjar demo --data-dir DIR` creates one)");
            assertThat(tmp.resolve("typo")).doesNotExist();
        }
    }

    @Test
    void everyBrokenFileIsReportedOnceByEveryCommandThatReadsConfig() throws Exception {
        TempWorkspace.open(tmp).close();
        Files.createDirectories(tmp.resolve("config/connectors"));
        Files.writeString(tmp.resolve("config/connectors/github.yml"), "enabled: true\nrepoz: [a/b]\n");
        Files.writeString(tmp.resolve("config/connectors/notion.yml"), "enabled: [\n");
        for (String[] args : List.of(new String[]{"ask", "x"}, new String[]{"brief", "--team", "PAY"}, new String[]{"canonical", "list"},
                new String[]{"scratchpad", "add", "a thought", "--by", "a@example.com"}, new String[]{"sync"})) {
            CliRunner.Result r = CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).as(String.join(" ", args)).hasSize(2)
                    .anySatisfy(l -> assertThat(l).startsWith("nightjar: ").contains("github.yml").contains("unknown key 'repoz'"))
                    .anySatisfy(l -> assertThat(l).startsWith("nightjar: ").contains("notion.yml").contains("invalid YAML"));
        }
        // status reads no configuration: it still shows the store
        assertThat(CliRunner.run(tmp.resolve("config"), tmp.resolve("data"), clock, Map.of(), "status").exit()).isZero();
    }
}
