package dev.nightjar.connectors.notion;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import dev.nightjar.connectors.RequestStats;
import java.util.Optional;

/** Builds the Notion connector from {@code connectors/notion.yml}. */
public final class NotionConnectorFactory implements ConnectorFactory {

    static final String FILE = "connectors/notion.yml";

    public NotionConnectorFactory() {
    }

    @Override
    public String source() {
        return NotionClient.SOURCE;
    }

    @Override
    public NotionSettings settings(ConfigDir config) {
        return config.readYaml(FILE, NotionSettings.class)
                .orElseGet(() -> new NotionSettings(true, null, null, null, null));
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        NotionSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        String baseUrl = context.baseUrl(source(), settings);
        String token = context.token(source(), settings);
        RequestStats stats = new RequestStats();
        NotionClient client = new NotionClient(baseUrl, token, settings.notionVersion(), context.http(),
                context.retryPolicy(), context.sleeper(), context.clock(), stats, settings.requestsPerSecond());
        return Optional.of(new NotionConnector(client, stats, context.clock()));
    }
}
