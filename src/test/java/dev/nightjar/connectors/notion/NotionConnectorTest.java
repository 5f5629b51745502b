package dev.nightjar.connectors.notion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.TestClock;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Normalized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotionConnectorTest {

    static final String TOKEN = "ntn_test_secret_123";
    static final Instant T0 = Instant.parse("2026-07-04T09:00:00Z");
    static final String PRDS = "393abc1e-edcd-81a2-8d0b-000bae7f15dc";
    static final String EMPTY_DS = "4ee04178-60dc-4b13-a1ea-14e3b9661a33";
    static final int PAGES = 250;

    @TempDir
    Path dir;
    MockWebServer server;
    FakeNotion notion;
    TestClock clock;

    @BeforeEach
    void start() throws IOException {
        notion = new FakeNotion();
        server = new MockWebServer();
        server.setDispatcher(notion);
        server.start();
        clock = new TestClock(T0.plus(Duration.ofHours(1)));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** 250 pages (one with 250 blocks, one with the nested tree), an archived page, 3 PRD rows, 2 users. */
    void workspace() {
        for (int i = 0; i < PAGES; i++) {
            String id = NotionFixtures.uuid("11111111", i);
            ObjectNode page = NotionFixtures.page(id, "Page " + i, T0.minus(Duration.ofMinutes(i + 10)));
            notion.pages.add(page);
            notion.children.put(id, new ArrayList<>(List.of(NotionFixtures.paragraph(NotionFixtures.uuid("22222222", i), id, "Text of page " + i))));
        }
        String big = NotionFixtures.uuid("11111111", 0);
        List<ObjectNode> many = new ArrayList<>();
        for (int b = 0; b < 250; b++) many.add(NotionFixtures.paragraph(NotionFixtures.uuid("33333333", b), big, "block " + b));
        notion.children.put(big, many);
        NotionFixtures.nestedBlocks(notion, NotionFixtures.uuid("11111111", 1));

        ObjectNode archived = NotionFixtures.page(NotionFixtures.uuid("44444444", 1), "Old plan", T0.minus(Duration.ofMinutes(5)));
        archived.put("archived", true).put("in_trash", true);
        notion.pages.add(archived);

        notion.containers.put(PRDS, NotionFixtures.dataSource(PRDS, "PRDs"));
        notion.containers.put(EMPTY_DS, NotionFixtures.dataSource(EMPTY_DS, "Empty"));
        List<ObjectNode> prdRows = new ArrayList<>();
        String[] statuses = {"Approved", "In review", "Draft"};
        for (int r = 0; r < 3; r++) {
            String id = NotionFixtures.uuid("55555555", r);
            ObjectNode row = NotionFixtures.row(id, "PRD " + r, statuses[r], PRDS, T0.minus(Duration.ofMinutes(r + 1)));
            prdRows.add(row);
            notion.pages.add(row); // search returns rows too; the pages stream must leave them to the rows stream
            notion.children.put(id, new ArrayList<>(List.of(NotionFixtures.paragraph(NotionFixtures.uuid("66666666", r), id, "Body of PRD " + r))));
        }
        notion.rows.put(PRDS, prdRows);
        notion.users.addAll(NotionFixtures.users());
    }

    Connector connector(String extraYaml, Map<String, String> env) throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/notion.yml"), "enabled: true\nbase-url: " + server.url("/")
                + "\ntoken-env: NOTION_TOKEN\n" + extraYaml);
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(1));
        ConnectorContext context = new ConnectorContext(Environment.of(env), new OkHttpClient(), policy, clock.sleeper(), clock);
        return new NotionConnectorFactory().create(new ConfigDir(dir), context).orElseThrow();
    }

    Connector connector() throws IOException {
        return connector("", Map.of("NOTION_TOKEN", TOKEN));
    }

    static SourceStream stream(Connector c, String name) {
        return c.streams().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    record Synced(Map<String, StreamDrain.Result> results, Map<DocumentId, Document> documents, List<DocumentId> deleted,
                  Normalized all) {
    }

    static Synced sync(Connector c, Map<String, String> cursors) {
        Map<String, StreamDrain.Result> results = new LinkedHashMap<>();
        Map<DocumentId, Document> docs = new LinkedHashMap<>();
        List<DocumentId> deleted = new ArrayList<>();
        Normalized all = Normalized.empty();
        for (SourceStream s : c.streams()) {
            StreamDrain.Result r = StreamDrain.drain(s, cursors.get(s.name()));
            results.put(s.name(), r);
            for (SourceRecord record : r.records()) {
                Normalized n = c.normalizer().normalize(record);
                n.documents().forEach(d -> docs.put(d.id(), d));
                deleted.addAll(n.deleted());
                all = all.plus(n);
            }
        }
        return new Synced(results, docs, deleted, all);
    }

    static Map<String, String> cursors(Synced s) {
        Map<String, String> cursors = new LinkedHashMap<>();
        s.results().forEach((k, v) -> cursors.put(k, v.cursor()));
        return cursors;
    }

    /** Ids of everything search returns, newest edit first (rows are included, as in real search). */
    List<String> newestFirst() {
        return notion.pages.stream().sorted(java.util.Comparator.comparing(FakeNotion::edited).reversed())
                .map(p -> p.path("id").asText()).toList();
    }

    static int minimumRequests(FakeNotion notion) {
        // Σ ceil(items / 100) over every listing a full sync must read
        int searchPages = (int) Math.ceil(notion.pages.size() / 100.0);
        int blockPages = notion.children.values().stream().mapToInt(l -> (int) Math.ceil(l.size() / 100.0)).sum();
        int sourcesSearch = (int) Math.max(1, Math.ceil(notion.containers.size() / 100.0));
        int queries = notion.containers.keySet().stream()
                .mapToInt(id -> Math.max(1, (int) Math.ceil(notion.rows.getOrDefault(id, List.of()).size() / 100.0))).sum();
        int users = Math.max(1, (int) Math.ceil(notion.users.size() / 100.0));
        return searchPages + blockPages + sourcesSearch + queries + users;
    }

    @Test
    void fullSyncReadsEveryPageRowAndBlockWithTheLargestPageSize() throws IOException {
        workspace();
        Connector c = connector();
        Synced s = sync(c, Map.of());

        // 250 pages + the archived one; the 3 rows come only through the rows stream
        assertThat(s.results().get("pages").records()).hasSize(PAGES + 1);
        assertThat(s.results().get("pages").pages()).isEqualTo(3);
        assertThat(s.results().get("rows").records()).hasSize(3);
        assertThat(s.documents()).hasSize(PAGES + 3);
        assertThat(s.deleted()).containsExactly(DocumentId.of("notion", "page", NotionFixtures.uuid("44444444", 1)));

        // search: page_size 100, newest edit first, followed by start_cursor to the end
        List<FakeNotion.Recorded> searches = notion.requests("POST", "/v1/search").stream()
                .filter(r -> r.body().path("filter").path("value").asText().equals("page")).toList();
        assertThat(searches).hasSize(3);
        assertThat(searches).allSatisfy(r -> {
            assertThat(r.body().path("page_size").asInt()).isEqualTo(100);
            assertThat(r.body().at("/sort/timestamp").asText()).isEqualTo("last_edited_time");
            assertThat(r.body().at("/sort/direction").asText()).isEqualTo("descending");
        });
        assertThat(searches.get(0).body().has("start_cursor")).isFalse();
        List<String> newestFirst = newestFirst();
        assertThat(searches.get(1).body().path("start_cursor").asText()).isEqualTo(newestFirst.get(100));
        assertThat(searches.get(2).body().path("start_cursor").asText()).isEqualTo(newestFirst.get(200));

        // the 250-block page: three children pages of 100, 100 and 50
        String big = NotionFixtures.uuid("11111111", 0);
        List<FakeNotion.Recorded> bigReads = notion.requests("GET", "/v1/blocks/" + big + "/children");
        assertThat(bigReads).hasSize(3);
        assertThat(bigReads).allSatisfy(r -> assertThat(r.url().queryParameter("page_size")).isEqualTo("100"));
        assertThat(bigReads.get(0).url().queryParameter("start_cursor")).isNull();
        assertThat(bigReads.get(1).url().queryParameter("start_cursor")).isEqualTo(NotionFixtures.uuid("33333333", 100));
        assertThat(bigReads.get(2).url().queryParameter("start_cursor")).isEqualTo(NotionFixtures.uuid("33333333", 200));
        Document bigDoc = s.documents().get(DocumentId.of("notion", "page", big));
        assertThat(bigDoc.body()).contains("block 0").contains("block 149").contains("block 249");

        // no block reads for the archived page; rows queried per data source
        assertThat(notion.requests("GET", "/v1/blocks/" + NotionFixtures.uuid("44444444", 1))).isEmpty();
        assertThat(notion.requests("POST", "/v1/data_sources/" + PRDS + "/query")).singleElement()
                .satisfies(r -> {
                    assertThat(r.body().path("page_size").asInt()).isEqualTo(100);
                    assertThat(r.body().has("filter")).as("full sync has no time filter").isFalse();
                });
        assertThat(notion.requests("POST", "/v1/data_sources/" + EMPTY_DS + "/query")).hasSize(1);

        // every request authenticated and versioned
        assertThat(notion.requests).allSatisfy(r -> {
            assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(r.version()).isEqualTo("2025-09-03");
        });
        // exactly the minimum: Σ ceil(items / 100) over every listing
        int minimum = minimumRequests(notion);
        assertThat(c.stats().requests()).isEqualTo(minimum).isEqualTo(notion.requests.size());
        System.out.println("notion full sync: requests=" + c.stats().requests() + " minimum=" + minimum);
        // ~3 requests/s: the pacer spread them out (first 3 are a burst)
        Duration waited = clock.recorded.waits().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited.toMillis()).isGreaterThanOrEqualTo((minimum - 3) * 333L - 50);
    }

    @Test
    void nestedBlocksBecomeTextAndRowStatusReachesProperties() throws IOException {
        workspace();
        Synced s = sync(connector(), Map.of());

        Document nested = s.documents().get(DocumentId.of("notion", "page", NotionFixtures.uuid("11111111", 1)));
        assertThat(nested.body()).contains("# Checkout PRD")
                .contains("Rollout details\n")
                .contains("Hidden inside a toggle inside a column")
                .contains("- First bullet\n")
                .contains("  1. Nested step one\n  2. Nested step two")
                .contains("[x] Sign-off from legal").contains("[ ] Load test")
                .contains("> ⚠️ Fixes https://linear.app/acme/issue/ASR-200/fix-retry")
                .contains("> Ship it when green")
                .contains("Synced paragraph")
                .contains("```python\nretry(max=5)\n```")
                .contains("| Metric | Target |").contains("| p95 | 200 ms |")
                .contains("---")
                .contains("[unsupported: ai_block]")
                .contains("[page: Appendix]");
        // the child page is its own document: its blocks are not read as part of this one
        assertThat(s.all().links()).anySatisfy(l -> {
            assertThat(l.from()).isEqualTo(nested.id());
            assertThat(l.to()).isEqualTo("linear:issue:ASR-200");
        }).anySatisfy(l -> assertThat(l.to()).isEqualTo("url:https://linear.app/acme/project/checkout-v2-5c1a7e0b3f2d"));

        Document prd = s.documents().get(DocumentId.of("notion", "page", NotionFixtures.uuid("55555555", 0)));
        assertThat(prd.properties()).containsEntry("Status", "Approved")
                .containsEntry("data_source", "PRDs")
                .containsEntry("data_source_id", PRDS)
                .containsEntry("Owner", "Guillaume Gelin")
                .containsEntry("Tags", "a, v, b")
                .containsEntry("Due", "2026-08-01")
                .containsEntry("Legal OK", "true")
                .containsEntry("Estimate", "5");
        assertThat(prd.state()).isEqualTo("approved");
        assertThat(prd.labels()).containsExactly("a", "v", "b");
        assertThat(prd.body()).isEqualTo("Body of PRD 0");
        Document inReview = s.documents().get(DocumentId.of("notion", "page", NotionFixtures.uuid("55555555", 1)));
        assertThat(inReview.state()).isEqualTo("in_review");
        assertThat(s.all().people()).anySatisfy(p -> {
            assertThat(p.handle()).isEqualTo(NotionFixtures.CREATOR);
            assertThat(p.email()).isEqualTo("notion@ramnes.eu");
        });
    }

    @Test
    void incrementalSyncStopsAtTheWatermarkAndRereadsOnlyEditedPages() throws IOException {
        workspace();
        Synced first = sync(connector(), Map.of());
        Map<String, String> cursors = cursors(first);
        assertThat(cursors.get("pages")).isEqualTo("{\"since\":\"" + T0.minus(Duration.ofMinutes(1)) + "\"}");

        // one page and one PRD row are edited after the first run
        clock.advance(Duration.ofHours(1));
        ObjectNode edited = notion.pages.get(120);
        edited.put("last_edited_time", T0.plus(Duration.ofMinutes(30)).toString());
        ObjectNode row = notion.rows.get(PRDS).get(2);
        row.put("last_edited_time", T0.plus(Duration.ofMinutes(90)).toString());
        notion.requests.clear();

        Connector c = connector();
        Synced second = sync(c, cursors);

        List<FakeNotion.Recorded> searches = notion.requests("POST", "/v1/search").stream()
                .filter(r -> r.body().path("filter").path("value").asText().equals("page")).toList();
        assertThat(searches).as("stops on the first page at the watermark").hasSize(1);
        assertThat(second.results().get("pages").records()).extracting(r -> r.json().path("id").asText())
                .containsExactly(edited.path("id").asText());
        // blocks only of what changed
        assertThat(notion.requests("GET", "/v1/blocks/")).extracting(FakeNotion.Recorded::path).containsExactlyInAnyOrder(
                "/v1/blocks/" + edited.path("id").asText() + "/children",
                "/v1/blocks/" + row.path("id").asText() + "/children");
        // rows: server-side filter from the previous run's start
        List<FakeNotion.Recorded> queries = notion.requests("POST", "/v1/data_sources/" + PRDS + "/query");
        // the previous walk's start (less a minute, whole minutes) as the rows' watermark
        String rowsWatermark = FakeNotion.JSON.readTree(cursors.get("rows")).path("since").asText();
        assertThat(Instant.parse(rowsWatermark)).isBetween(T0.plus(Duration.ofMinutes(59)), T0.plus(Duration.ofMinutes(62)));
        assertThat(queries).singleElement().satisfies(r -> assertThat(r.body().at("/filter/last_edited_time/on_or_after").asText())
                .isEqualTo(rowsWatermark));
        assertThat(second.results().get("rows").records()).hasSize(1);
        // search also returns the edited row, so the newest edit it saw is the row's
        assertThat(second.results().get("pages").cursor()).isEqualTo("{\"since\":\"" + T0.plus(Duration.ofMinutes(90)) + "\"}");
        System.out.println("notion incremental sync: requests=" + c.stats().requests());
    }

    @Test
    void throttlesAndServerErrorsAreRetriedAndEveryRecordStillArrives() throws IOException {
        workspace();
        notion.fail("/v1/search", new MockResponse().setResponseCode(429).setHeader("Retry-After", "7")
                        .setBody(FakeNotion.error(429, "rate_limited", "You have been rate limited. Please try again in a few minutes.").toString()),
                new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));
        notion.fail("/v1/blocks/", new MockResponse().setResponseCode(529).setHeader("Retry-After", "2")
                .setBody(FakeNotion.error(529, "service_overload", "Notion is overloaded.").toString()));
        notion.fail("/v1/users", new MockResponse().setResponseCode(503)
                .setBody(FakeNotion.error(503, "service_unavailable", "Notion is unavailable.").toString()));

        Connector c = connector("requests-per-second: 1000\n", Map.of("NOTION_TOKEN", TOKEN));
        Synced s = sync(c, Map.of());

        assertThat(s.documents()).hasSize(PAGES + 3);
        assertThat(s.all().people()).isNotEmpty();
        assertThat(c.stats().retries()).isEqualTo(4);
        assertThat(clock.recorded.waits()).anySatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(7), Duration.ofMillis(7010)))
                .anySatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2010)));
    }

    @Test
    void persistentFailureNamesSourceStreamAndCursorAndTheSavedCursorResumes() throws IOException {
        workspace();
        Connector c = connector();
        SourceStream pages = stream(c, "pages");
        Page first = pages.read(null);
        assertThat(first.last()).isFalse();
        for (int i = 0; i < 5; i++) notion.fail("/v1/search", new MockResponse().setResponseCode(500).setBody("{}"));

        assertThatThrownBy(() -> pages.read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("notion: ")
                .hasMessageContaining("POST /v1/search failed after 5 attempts")
                .hasMessageContaining("stream pages: ")
                .hasMessageNotContaining(first.nextCursor())
                .hasMessageNotContaining(TOKEN);

        // the job kept first.nextCursor(); running again from it resumes at page 2, nothing lost
        StreamDrain.Result rest = StreamDrain.drain(pages, first.nextCursor());
        assertThat(first.records().size() + rest.records().size()).isEqualTo(PAGES + 1);
        assertThat(rest.records().getFirst().json().path("id").asText()).isEqualTo(newestFirst().get(100));
    }

    @Test
    void anUnsupportedBlockWhoseChildrenAnswer400IsUnreadableNamedOnceAndEverythingElseIsRead() throws IOException {
        String pageId = NotionFixtures.uuid("11111111", 8);
        String nextPage = NotionFixtures.uuid("11111111", 9);
        String formBlock = NotionFixtures.uuid("77777777", 11);
        notion.pages.add(NotionFixtures.page(pageId, "Intake process", T0));
        notion.pages.add(NotionFixtures.page(nextPage, "Returns policy", T0.minus(Duration.ofMinutes(1))));
        ObjectNode form = NotionFixtures.paragraph(formBlock, pageId, "");
        form.remove("paragraph");
        form.put("type", "unsupported").put("has_children", true);
        form.putObject("unsupported").put("block_type", "form");
        notion.children.put(pageId, List.of(NotionFixtures.paragraph(NotionFixtures.uuid("77777777", 10), pageId, "Intro"), form,
                NotionFixtures.paragraph(NotionFixtures.uuid("77777777", 12), pageId, "After the form")));
        notion.children.put(nextPage, List.of(NotionFixtures.paragraph(NotionFixtures.uuid("77777777", 13), nextPage, "Refunds in 14 days")));
        notion.fail("/v1/blocks/" + formBlock + "/children", FakeNotion.json(400, FakeNotion.error(400, "validation_error",
                "Block type form is not supported via the API.")));

        Connector c = connector();
        StreamDrain.Result pages = StreamDrain.drain(stream(c, "pages"), null);

        assertThat(pages.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.object()).isEqualTo("block " + formBlock + " children");
            assertThat(u.reason()).isEqualTo("HTTP 400 Block type form is not supported via the API.");
        });
        assertThat(pages.records()).hasSize(2);
        Document intake = c.normalizer().normalize(pages.records().get(0)).documents().getFirst();
        assertThat(intake.body()).isEqualTo("Intro\n[unsupported: form]\n  [nested blocks the API would not give]\nAfter the form");
        Document returns = c.normalizer().normalize(pages.records().get(1)).documents().getFirst();
        assertThat(returns.body()).isEqualTo("Refunds in 14 days");
        assertThat(pages.cursor()).contains(T0.toString().substring(0, 16));
    }

    @Test
    void relationAndPeopleBeyondTheInline25AreReadPageByPageFromThePropertyItemEndpoint() throws IOException {
        String rowId = NotionFixtures.uuid("55555555", 40);
        ObjectNode row = NotionFixtures.row(rowId, "Checkout revamp", "Approved", PRDS, T0);
        ObjectNode related = ((ObjectNode) row.path("properties")).putObject("Related specs").put("id", "Rel%3Fx").put("type", "relation");
        var inline = related.putArray("relation");
        List<ObjectNode> allRelated = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            String target = NotionFixtures.uuid("88888888", i);
            if (i < 25) inline.addObject().put("id", target);
            ObjectNode item = FakeNotion.JSON.createObjectNode().put("object", "property_item").put("id", "Rel%3Fx").put("type", "relation");
            item.putObject("relation").put("id", target);
            allRelated.add(item);
        }
        related.put("has_more", true);
        notion.propertyItems.put(rowId + "/Rel%3Fx", allRelated);
        ObjectNode reviewers = ((ObjectNode) row.path("properties")).putObject("Reviewers").put("id", "Rv%5Bq").put("type", "people");
        var people = reviewers.putArray("people");
        List<ObjectNode> allPeople = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            ObjectNode user = FakeNotion.JSON.createObjectNode().put("object", "user").put("id", NotionFixtures.uuid("99999999", i))
                    .put("name", "Reviewer " + i);
            if (i < 25) people.add(user);
            ObjectNode item = FakeNotion.JSON.createObjectNode().put("object", "property_item").put("id", "Rv%5Bq").put("type", "people");
            item.set("people", user);
            allPeople.add(item);
        }
        notion.propertyItems.put(rowId + "/Rv%5Bq", allPeople);
        notion.containers.put(PRDS, NotionFixtures.dataSource(PRDS, "PRDs"));
        notion.rows.put(PRDS, List.of(row));
        notion.children.put(rowId, List.of());

        Connector c = connector();
        StreamDrain.Result rows = StreamDrain.drain(stream(c, "rows"), null);

        assertThat(rows.unreadable()).isEmpty();
        assertThat(notion.requests("GET", "/v1/pages/" + rowId + "/properties/Rel%3Fx")).hasSize(2);
        Normalized n = c.normalizer().normalize(rows.records().getFirst());
        Document d = n.documents().getFirst();
        // the second page of the relation (items 100-129) is stored, not only the inline 25
        assertThat(n.links()).filteredOn(l -> l.to().startsWith("notion:page:88888888")).hasSize(130);
        assertThat(d.properties().get("Related specs")).contains(NotionFixtures.uuid("88888888", 129));
        assertThat(d.properties().get("Reviewers")).endsWith("Reviewer 25, Reviewer 26");
    }

    @Test
    void unreadableNestedBlocksAreNotedAndThePageStillArrives() throws IOException {
        String pageId = NotionFixtures.uuid("11111111", 7);
        notion.pages.add(NotionFixtures.page(pageId, "Uses a synced block from elsewhere", T0));
        ObjectNode synced = NotionFixtures.paragraph(NotionFixtures.uuid("77777777", 1), pageId, "");
        synced.remove("paragraph");
        synced.put("type", "synced_block").put("has_children", true);
        synced.putObject("synced_block").putObject("synced_from").put("type", "block_id")
                .put("block_id", "99999999-0000-4000-8000-000000000000");
        notion.children.put(pageId, List.of(NotionFixtures.paragraph(NotionFixtures.uuid("77777777", 2), pageId, "Before"), synced));
        // no children registered for the synced block: the fake answers 404 object_not_found

        Connector c = connector();
        StreamDrain.Result pages = StreamDrain.drain(stream(c, "pages"), null);
        Document d = c.normalizer().normalize(pages.records().getFirst()).documents().getFirst();
        assertThat(d.body()).isEqualTo("Before\n[nested blocks the API would not give]");
    }

    @Test
    void unauthorizedFailsWithoutLeakingTheToken() throws IOException {
        notion.fail("/v1/users", FakeNotion.json(401, FakeNotion.resource("errors.400_401.json").at("/interactions/1/response/body")));
        Connector c = connector();
        assertThatThrownBy(() -> stream(c, "users").read(null))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("API token is invalid")
                .hasMessageContaining("stream users")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void fallsBackToTheDatabasesApiWhenTheServerRejects20250903() throws IOException {
        notion.legacyOnly = true;
        ObjectNode db = NotionFixtures.dataSource(PRDS, "PRDs");
        db.put("object", "database");
        notion.containers.put(PRDS, db);
        ObjectNode row = NotionFixtures.row(NotionFixtures.uuid("55555555", 0), "PRD 0", "Approved", PRDS, T0);
        row.putObject("parent").put("type", "database_id").put("database_id", PRDS);
        notion.rows.put(PRDS, List.of(row));
        notion.children.put(row.path("id").asText(), List.of());

        Connector c = connector();
        StreamDrain.Result rows = StreamDrain.drain(stream(c, "rows"), null);

        assertThat(rows.records()).hasSize(1);
        assertThat(notion.requests.getFirst().version()).isEqualTo("2025-09-03");
        assertThat(notion.requests.subList(1, notion.requests.size())).allSatisfy(r -> assertThat(r.version()).isEqualTo("2022-06-28"));
        assertThat(notion.requests("POST", "/v1/search").getLast().body().at("/filter/value").asText()).isEqualTo("database");
        assertThat(notion.requests("POST", "/v1/databases/" + PRDS + "/query")).hasSize(1);
        Document doc = c.normalizer().normalize(rows.records().getFirst()).documents().getFirst();
        assertThat(doc.properties()).containsEntry("Status", "Approved").containsEntry("data_source", "PRDs");
    }

    @Test
    void usersBecomePeopleWithEmails() throws IOException {
        notion.users.addAll(NotionFixtures.users());
        Connector c = connector();
        StreamDrain.Result users = StreamDrain.drain(stream(c, "users"), null);
        assertThat(notion.requests.getFirst().url().queryParameter("page_size")).isEqualTo("100");
        List<dev.nightjar.model.PersonIdentity> people = users.records().stream()
                .flatMap(r -> c.normalizer().normalize(r).people().stream()).toList();
        assertThat(people).extracting(p -> p.identity() + " " + p.email()).containsExactly(
                "notion:a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf notion@ramnes.eu",
                "notion:7775f3a3-893f-43fa-b625-460c61094c78 null");
    }

    @Test
    void missingTokenNamesTheVariable() throws IOException {
        assertThatThrownBy(() -> connector("", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("NOTION_TOKEN");
    }

    @Test
    void unknownYamlKeyIsAConfigError() throws IOException {
        assertThatThrownBy(() -> connector("databases: [abc]\n", Map.of("NOTION_TOKEN", TOKEN)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'databases'")
                .hasMessageContaining("notion.yml");
    }

    @Test
    void disabledMeansNoConnector() throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/notion.yml"), "enabled: false\n");
        ConnectorContext context = new ConnectorContext(Environment.of(Map.of()), new OkHttpClient(),
                RetryPolicy.defaults(), clock.sleeper(), clock);
        assertThat(new NotionConnectorFactory().create(new ConfigDir(dir), context)).isEmpty();
    }

    @Test
    void shippedDefaultConfigParses() throws IOException {
        NotionSettings s = ConfigDir.parseYaml(Files.readString(Path.of("connectors/notion.yml")), NotionSettings.class, "connectors/notion.yml");
        assertThat(s.enabled()).isTrue();
        assertThat(s.baseUrl()).isEqualTo("https://api.notion.com");
        assertThat(s.tokenEnv()).isEqualTo("NOTION_TOKEN");
        assertThat(s.notionVersion()).isEqualTo("2025-09-03");
        assertThat(s.requestsPerSecond()).isEqualTo(3.0);
    }
}
