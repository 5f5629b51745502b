package dev.nightjar.connectors.wandb;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.RequestStats;
import java.util.Optional;

/** Builds the W&B connector from {@code connectors/wandb.yml}. */
public final class WandbConnectorFactory implements ConnectorFactory {

    static final String FILE = "connectors/wandb.yml";

    public WandbConnectorFactory() {
    }

    @Override
    public String source() {
        return WandbClient.SOURCE;
    }

    @Override
    public WandbSettings settings(ConfigDir config) {
        return config.readYaml(FILE, WandbSettings.class)
                .orElseThrow(() -> new ConfigException(FILE + ": not found"));
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        WandbSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        String where = config.describe(FILE);
        if (settings.entity() == null || settings.entity().isBlank()) {
            throw new ConfigException(where + ": entity is not set (the W&B team or user that owns the projects)");
        }
        if (settings.projects().isEmpty() || settings.projects().stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new ConfigException(where + ": projects must list at least one W&B project name");
        }
        String baseUrl = context.baseUrl(source(), settings);
        String apiKey = context.token(source(), settings);
        RequestStats stats = new RequestStats();
        WandbClient client = new WandbClient(baseUrl, apiKey, context.http(), context.retryPolicy(), context.sleeper(),
                context.clock(), stats);
        return Optional.of(new WandbConnector(client, settings, stats));
    }
}
