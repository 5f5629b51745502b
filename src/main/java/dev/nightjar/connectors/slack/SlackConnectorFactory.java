package dev.nightjar.connectors.slack;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.ConnectorContext;
import dev.nightjar.connectors.ConnectorFactory;
import java.util.Optional;

/** Builds the Slack connector from {@code connectors/slack.yml}. */
public final class SlackConnectorFactory implements ConnectorFactory {

    static final String FILE = "connectors/slack.yml";

    public SlackConnectorFactory() {
    }

    @Override
    public String source() {
        return SlackClient.SOURCE;
    }

    @Override
    public SlackSettings settings(ConfigDir config) {
        SlackSettings settings = config.readYaml(FILE, SlackSettings.class)
                .orElseThrow(() -> new ConfigException(FILE + ": not found in " + config.path() + " nor built in"));
        return settings.validated(config.describe(FILE));
    }

    @Override
    public Optional<Connector> create(ConfigDir config, ConnectorContext context) {
        SlackSettings settings = settings(config);
        if (!settings.enabled()) return Optional.empty();
        String token = context.token(source(), settings);
        String baseUrl = context.baseUrl(source(), settings);
        return Optional.of(new SlackConnector(settings, baseUrl, token, context,
                MethodPacer.slackTiers(context.clock(), context.sleeper())));
    }

    /** For tests: the same connector without client-side pacing. */
    static Connector createUnpaced(SlackSettings settings, String baseUrl, String token, ConnectorContext context) {
        return new SlackConnector(settings, baseUrl, token, context, MethodPacer.off());
    }
}
