package dev.nightjar.connectors.linear;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import java.util.Optional;

/** Builds the Linear connector from {@code connectors/linear.yml}. */
public final class LinearConnectorFactory implements ConnectorFactory {

    public static final String SOURCE = "linear";
    static final String CONFIG_FILE = "connectors/linear.yml";

    public LinearConnectorFactory() {
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public LinearSettings settings(ConfigDir config) {
        return config.readYaml(CONFIG_FILE, LinearSettings.class).orElseGet(LinearSettings::defaults);
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        LinearSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        String endpoint = context.baseUrl(SOURCE, settings);
        String token = context.token(SOURCE, settings);
        return Optional.of(new LinearConnector(new LinearClient(endpoint, token, context), settings.teams()));
    }
}
