package dev.nightjar.connectors.slack;

import dev.nightjar.config.Environment;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.connectors.SourceStream;
import dev.nightjar.connectors.StreamDrain;
import dev.nightjar.connectors.http.RecordingSleeper;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.model.Document;
import dev.nightjar.model.Link;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;

/** MockWebServer + {@link FakeSlack} + a connector wired with a recording sleeper and a hand-moved clock. */
final class SlackHarness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final FakeSlack slack = new FakeSlack();
    final MockWebServer server = new MockWebServer();
    final RecordingSleeper sleeper = new RecordingSleeper();
    final MutableClock clock = new MutableClock(NOW);
    /** Cursors as the job would persist them, by stream name. */
    final Map<String, String> cursors = new LinkedHashMap<>();

    SlackHarness() throws IOException {
        server.setDispatcher(slack);
        server.start();
    }

    String baseUrl() {
        return server.url("/api").toString();
    }

    SlackSettings settings(List<String> channels, List<String> scratchpad) {
        return new SlackSettings(true, baseUrl(), "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", channels, scratchpad,
                List.of("it-admin@example.com"), null, 14);
    }

    ConnectorContext context() {
        return new ConnectorContext(Environment.of(Map.of("SLACK_BOT_TOKEN", FakeSlack.TOKEN)), new OkHttpClient(),
                new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofMinutes(15)), sleeper, clock);
    }

    Connector connector(List<String> channels, List<String> scratchpad) {
        return SlackConnectorFactory.createUnpaced(settings(channels, scratchpad), baseUrl(), FakeSlack.TOKEN, context());
    }

    /** What one sync run produced. */
    record Run(Map<String, Document> documents, List<Link> links, List<PersonIdentity> people, List<SourceRecord> records,
               int requests, Map<String, Integer> pages) {
        Document doc(String id) {
            Document d = documents.get(id);
            if (d == null) throw new AssertionError("no document " + id + " among " + documents.keySet());
            return d;
        }
    }

    /** Runs every stream to its last page from the stored cursors, like the job, and keeps the new cursors. */
    Run sync(Connector connector) {
        int before = slack.calls.size();
        Map<String, Document> docs = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        List<PersonIdentity> people = new ArrayList<>();
        List<SourceRecord> records = new ArrayList<>();
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (SourceStream stream : connector.streams()) {
            StreamDrain.Result result = StreamDrain.drain(stream, cursors.get(stream.name()));
            cursors.put(stream.name(), result.cursor());
            pages.put(stream.name(), result.pages());
            for (SourceRecord record : result.records()) {
                records.add(record);
                Normalized n = connector.normalizer().normalize(record);
                n.documents().forEach(d -> docs.put(d.id().toString(), d));
                links.addAll(n.links());
                people.addAll(n.people());
            }
        }
        return new Run(docs, links, people, records, slack.calls.size() - before, pages);
    }

    static String ts(Duration ago) {
        return Ts.of(NOW.minus(ago));
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
