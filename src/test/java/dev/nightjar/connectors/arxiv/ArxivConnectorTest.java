package dev.nightjar.connectors.arxiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorException;
import dev.nightjar.connectors.Page;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.TestClock;
import dev.nightjar.model.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arXiv connector against a MockWebServer speaking arXiv's Atom (shape from arXiv's API user
 * manual: there is no recorded arXiv response in shared/api): paging by start/max_results, one request
 * every three seconds (recorded by the test clock, not waited), the submission-date watermark, and
 * malformed or failing responses that lose nothing.
 */
class ArxivConnectorTest {

    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;
    MockWebServer server;
    TestClock clock;
    /** Papers newest first, as arXiv lists them with sortOrder=descending. */
    final List<String[]> papers = Collections.synchronizedList(new ArrayList<>());
    final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
    /** When set, answers instead of the feed (for failure tests). */
    volatile Function<HttpUrl, MockResponse> override;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                HttpUrl url = request.getRequestUrl();
                requests.add(url);
                if (override != null) return override.apply(url);
                int start = Integer.parseInt(url.queryParameter("start"));
                int max = Integer.parseInt(url.queryParameter("max_results"));
                return new MockResponse().setHeader("Content-Type", "application/atom+xml").setBody(feed(start, max));
            }
        });
        server.start();
        clock = new TestClock(T0.plus(Duration.ofDays(10)));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** {@code n} papers submitted an hour apart, the newest at T0 + n hours. */
    void submit(int n) {
        int before = papers.size();
        for (int i = before; i < before + n; i++) {
            papers.add(0, new String[]{String.format("2611.%05d", i), T0.plus(Duration.ofHours(i)).toString(), "Paper number " + i});
        }
    }

    String feed(int start, int max) {
        StringBuilder sb = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
                  <title type="html">ArXiv Query</title>
                """);
        sb.append("<opensearch:totalResults>").append(papers.size()).append("</opensearch:totalResults>\n");
        sb.append("<opensearch:startIndex>").append(start).append("</opensearch:startIndex>\n");
        for (int i = start; i < Math.min(papers.size(), start + max); i++) {
            String[] p = papers.get(i);
            String updated = p.length > 3 ? p[3] : p[1], id = p[0] + "v" + (p.length > 4 ? p[4] : "1");
            sb.append("""
                    <entry>
                      <id>http://arxiv.org/abs/%s</id>
                      <updated>%s</updated>
                      <published>%s</published>
                      <title>%s:
                        a study &amp; a benchmark</title>
                      <summary>  We study things.
                      Line two of the abstract.</summary>
                      <author><name>Ada Writer</name></author>
                      <author><name>Bo Reader</name></author>
                      <arxiv:doi>10.1000/x%s</arxiv:doi>
                      <link href="http://arxiv.org/abs/%sv1" rel="alternate" type="text/html"/>
                      <link title="pdf" href="http://arxiv.org/pdf/%sv1" rel="related" type="application/pdf"/>
                      <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                      <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                      <category term="cs.DB" scheme="http://arxiv.org/schemas/atom"/>
                    </entry>
                    """.formatted(id, updated, p[1], p[2], p[0], p[0], p[0]));
        }
        return sb.append("</feed>\n").toString();
    }

    Connector connector(String yaml) throws IOException {
        Files.createDirectories(dir.resolve("connectors"));
        Files.writeString(dir.resolve("connectors/arxiv.yml"), yaml);
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(1));
        ConnectorContext context = new ConnectorContext(Environment.of(Map.of("NIGHTJAR_ARXIV_BASE_URL", server.url("/api/query").toString())),
                new OkHttpClient(), policy, clock.sleeper(), clock);
        return new ArxivConnectorFactory().create(new ConfigDir(dir), context).orElseThrow();
    }

    Connector connector() throws IOException {
        return connector("enabled: true\ncategories: [cs.LG, cs.DB]\nterms: [\"query optimization\"]\npage-size: 10\nmax-papers: 100\n");
    }

    static SourceStream papers(Connector c) {
        return c.streams().getFirst();
    }

    @Test
    void pagesNewestFirstWithTheDocumentedQueryAndOneRequestEveryThreeSeconds() throws IOException {
        submit(25);
        Connector c = connector();
        StreamDrain.Result r = StreamDrain.drain(papers(c), null);

        assertThat(r.records()).hasSize(25);
        assertThat(r.pages()).isEqualTo(3);
        assertThat(requests).extracting(u -> u.queryParameter("start")).containsExactly("0", "10", "20");
        assertThat(requests).allSatisfy(u -> {
            assertThat(u.encodedPath()).isEqualTo("/api/query");
            assertThat(u.queryParameter("search_query")).isEqualTo("(cat:cs.LG OR cat:cs.DB) AND (all:\"query optimization\")");
            assertThat(u.queryParameter("sortBy")).isEqualTo("lastUpdatedDate");
            assertThat(u.queryParameter("sortOrder")).isEqualTo("descending");
            assertThat(u.queryParameter("max_results")).isEqualTo("10");
        });
        // arXiv's rule, recorded by the clock rather than waited: the first request goes at once, then 3 s apart
        assertThat(clock.recorded.waits()).hasSize(2).allSatisfy(w -> assertThat(w).isBetween(Duration.ofMillis(2999), Duration.ofMillis(3001)));
        // the watermark is the newest submission
        assertThat(r.cursor()).contains("\"since\":\"" + T0.plus(Duration.ofHours(24)) + "\"");
    }

    @Test
    void theNextRunReadsOnlyPapersSubmittedAfterTheWatermark() throws IOException {
        submit(25);
        Connector c = connector();
        String cursor = StreamDrain.drain(papers(c), null).cursor();
        requests.clear();
        submit(3);

        StreamDrain.Result next = StreamDrain.drain(papers(c), cursor);
        assertThat(next.records()).extracting(rec -> rec.json().path("id").asText())
                .containsExactly("http://arxiv.org/abs/2611.00027v1", "http://arxiv.org/abs/2611.00026v1", "http://arxiv.org/abs/2611.00025v1");
        assertThat(requests).hasSize(1); // the first slice already reaches the watermark
        assertThat(next.cursor()).contains(T0.plus(Duration.ofHours(27)).toString());

        // nothing new: one request, nothing read, the watermark stays
        requests.clear();
        StreamDrain.Result idle = StreamDrain.drain(papers(c), next.cursor());
        assertThat(idle.records()).isEmpty();
        assertThat(idle.cursor()).contains(T0.plus(Duration.ofHours(27)).toString());
    }

    /** Paper {@code id} gets version {@code v} at {@code at}: arXiv lists it first again, its submission time unchanged. */
    void revise(String id, int v, Instant at) {
        String[] old = papers.stream().filter(p -> p[0].equals(id)).findFirst().orElseThrow();
        papers.remove(old);
        papers.add(0, new String[]{id, old[1], old[2] + " (revised)", at.toString(), Integer.toString(v)});
    }

    @Test
    void aNewVersionOfAPaperAlreadyReadIsReadAgainUnderTheSameId() throws IOException {
        submit(25);
        Connector c = connector();
        String cursor = StreamDrain.drain(papers(c), null).cursor();
        Instant revised = T0.plus(Duration.ofHours(30));
        revise("2611.00005", 2, revised);

        StreamDrain.Result next = StreamDrain.drain(papers(c), cursor);
        assertThat(next.records()).extracting(rec -> rec.json().path("id").asText()).containsExactly("http://arxiv.org/abs/2611.00005v2");
        assertThat(next.cursor()).contains("\"since\":\"" + revised + "\"");
        Document v2 = c.normalizer().normalize(next.records().getFirst()).documents().getFirst();
        // the same document as v1, now at version 2: the store replaces it and the radar judges it again
        assertThat(v2.id().toString()).isEqualTo("arxiv:paper:2611.00005");
        assertThat(v2.properties()).containsEntry("version", "2");
        assertThat(v2.createdAt()).isEqualTo(T0.plus(Duration.ofHours(5)));
        assertThat(v2.updatedAt()).isEqualTo(revised);
    }

    @Test
    void aFirstRunReadsBackNoFurtherThanMaxPapers() throws IOException {
        submit(40);
        Connector c = connector("enabled: true\ncategories: [cs.LG]\npage-size: 10\nmax-papers: 15\n");
        StreamDrain.Result r = StreamDrain.drain(papers(c), null);
        assertThat(r.records()).hasSize(15);
        assertThat(requests).extracting(u -> u.queryParameter("max_results")).containsExactly("10", "5");
        assertThat(requests.getFirst().queryParameter("search_query")).isEqualTo("cat:cs.LG");
    }

    @Test
    void aMalformedFeedFailsInOneLineAndKeepsTheCursor() throws IOException {
        submit(25);
        Connector c = connector();
        Page first = papers(c).read(null);
        override = u -> new MockResponse().setBody("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>x</entry></feed>");

        assertThatThrownBy(() -> papers(c).read(first.nextCursor()))
                .isInstanceOf(ConnectorException.class)
                .hasMessageStartingWith("arxiv: stream papers: GET /api/query (start 10) returned an unreadable Atom feed: not well-formed XML")
                .hasMessageNotContaining("\n");
        // the job saves cursors only after a page is written: resuming from the last one reads the slice again
        override = null;
        Page again = papers(c).read(first.nextCursor());
        assertThat(again.records()).hasSize(10);
        assertThat(again.records().getFirst().json().path("id").asText()).isEqualTo("http://arxiv.org/abs/2611.00014v1");
    }

    @Test
    void htmlInsteadOfAtomAndArxivsOwnErrorEntryAreClearErrors() throws IOException {
        Connector c = connector();
        override = u -> new MockResponse().setBody("<html><body>maintenance</body></html>");
        assertThatThrownBy(() -> papers(c).read(null)).hasMessageContaining("not an Atom feed (root element <html>)");

        override = u -> new MockResponse().setBody("""
                <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
                <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>""");
        assertThatThrownBy(() -> papers(c).read(null)).hasMessageContaining("arXiv refused the query").hasMessageContaining("incorrect id format");
    }

    @Test
    void serverErrorsAreRetriedThenFailTheStream() throws IOException {
        Connector c = connector();
        override = u -> new MockResponse().setResponseCode(503).setBody("busy");
        assertThatThrownBy(() -> papers(c).read(null)).isInstanceOf(ConnectorException.class)
                .hasMessageContaining("failed after 3 attempts").hasMessageContaining("HTTP 503");
        assertThat(requests).hasSize(3);
        // retries are paced like first tries: never closer than 3 s
        assertThat(clock.recorded.waits().stream().filter(w -> w.compareTo(Duration.ofSeconds(2)) > 0)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anEntryBecomesAPaperDocument() throws IOException {
        submit(1);
        Connector c = connector();
        Page page = papers(c).read(null);
        Document d = c.normalizer().normalize(page.records().getFirst()).documents().getFirst();
        assertThat(d.id().toString()).isEqualTo("arxiv:paper:2611.00000");
        assertThat(d.url()).isEqualTo("http://arxiv.org/abs/2611.00000v1");
        assertThat(d.title()).isEqualTo("Paper number 0: a study & a benchmark");
        assertThat(d.body()).isEqualTo("We study things. Line two of the abstract.");
        assertThat(d.createdAt()).isEqualTo(T0);
        assertThat(d.labels()).containsExactly("cs.LG", "cs.DB");
        assertThat(d.properties()).containsEntry("authors", "Ada Writer, Bo Reader").containsEntry("primary_category", "cs.LG")
                .containsEntry("pdf", "http://arxiv.org/pdf/2611.00000v1").containsEntry("version", "1").containsEntry("doi", "10.1000/x2611.00000");
        assertThat(d.participants()).isEmpty();
        assertThat(d.author()).isNull();
    }

    @Test
    void noArxivYmlMeansNotConfiguredAndCategoriesAreRequired() throws IOException {
        ConnectorContext context = new ConnectorContext(Environment.of(Map.of()), new OkHttpClient(), RetryPolicy.defaults(),
                clock.sleeper(), clock);
        assertThat(new ArxivConnectorFactory().create(new ConfigDir(dir), context)).isEmpty();
        assertThatThrownBy(() -> connector("enabled: true\ncategories: []\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("categories must list at least one arXiv category");
    }
}
