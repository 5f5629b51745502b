package dev.nightjar.connectors.wandb;

import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import java.util.List;

/** W&B: one runs stream per configured project of the entity. */
public final class WandbConnector implements Connector {

    private final RequestStats stats;
    private final List<SourceStream> streams;
    private final WandbNormalizer normalizer;

    WandbConnector(WandbClient client, WandbSettings settings, RequestStats stats) {
        this.stats = stats;
        this.streams = settings.projects().stream()
                .<SourceStream>map(p -> new RunsStream(client, settings.entity(), p, settings.pageSize()))
                .toList();
        this.normalizer = new WandbNormalizer(settings.appUrl());
    }

    @Override
    public String source() {
        return WandbClient.SOURCE;
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
