package dev.nightjar.connectors.arxiv;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.RequestStats;
import java.util.Optional;

/**
 * Builds the arXiv connector from {@code connectors/arxiv.yml}. The research radar is optional: with no
 * such file the source is simply not configured (no connector, no error).
 */
public final class ArxivConnectorFactory implements ConnectorFactory {

    static final String FILE = "connectors/arxiv.yml";

    @Override
    public String source() {
        return ArxivClient.SOURCE;
    }

    @Override
    public ArxivSettings settings(ConfigDir config) {
        return config.readYaml(FILE, ArxivSettings.class)
                .orElseGet(() -> new ArxivSettings(false, null, null, null, null, null, null));
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        ArxivSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        if (settings.categories().isEmpty() || settings.categories().stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new ConfigException(config.describe(FILE) + ": categories must list at least one arXiv category (e.g. cs.LG)");
        }
        RequestStats stats = new RequestStats();
        ArxivClient client = new ArxivClient(context.baseUrl(source(), settings), context.http(), context.retryPolicy(),
                context.sleeper(), context.clock(), stats);
        return Optional.of(new ArxivConnector(client, settings, stats));
    }
}
