package dev.nightjar.connectors.notion;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import java.time.Clock;
import java.util.List;

/** Notion: users (for e-mails), stand-alone pages, then data-source rows, all with their block text. */
public final class NotionConnector implements Connector {

    private final RequestStats stats;
    private final List<SourceStream> streams;
    private final NotionNormalizer normalizer = new NotionNormalizer();

    NotionConnector(NotionClient client, RequestStats stats, Clock clock) {
        this.stats = stats;
        BlockReader blocks = new BlockReader(client);
        PropertyItems propertyItems = new PropertyItems(client);
        this.streams = List.of(new UsersStream(client), new PagesStream(client, blocks, propertyItems),
                new RowsStream(client, blocks, propertyItems, clock));
    }

    @Override
    public String source() {
        return NotionClient.SOURCE;
    }

    @Override
    public List<SourceStream> streams() {
        return streams;
    }

    @Override
    public Normalizer normalizer() {
        return normalizer;
    }

    @Override
    public RequestStats stats() {
        return stats;
    }
}
