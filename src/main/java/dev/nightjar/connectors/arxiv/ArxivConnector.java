package dev.nightjar.connectors.arxiv;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import java.util.List;

/** arXiv: one stream of new papers in the configured categories and terms. */
public final class ArxivConnector implements Connector {

    private final RequestStats stats;
    private final List<SourceStream> streams;
    private final ArxivNormalizer normalizer = new ArxivNormalizer();

    ArxivConnector(ArxivClient client, ArxivSettings settings, RequestStats stats) {
        this.stats = stats;
        this.streams = List.of(new PapersStream(client, settings));
    }

    @Override
    public String source() {
        return ArxivClient.SOURCE;
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
