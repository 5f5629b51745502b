package dev.nightjar.connectors;

import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.arxiv.ArxivConnectorFactory;
import dev.nightjar.connectors.github.GitHubConnectorFactory;
import dev.nightjar.connectors.linear.LinearConnectorFactory;
import dev.nightjar.connectors.notion.NotionConnectorFactory;
import dev.nightjar.connectors.slack.SlackConnectorFactory;
import dev.nightjar.connectors.wandb.WandbConnectorFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every source Nightjar can read, by name. Adding a source = one factory here + one YAML file. */
public final class ConnectorRegistry {

    private final Map<String, ConnectorFactory> factories = new LinkedHashMap<>();

    public ConnectorRegistry(List<ConnectorFactory> factories) {
        for (ConnectorFactory f : factories) this.factories.put(f.source(), f);
    }

    public static ConnectorRegistry builtIn() {
        return new ConnectorRegistry(List.of(new LinearConnectorFactory(), new GitHubConnectorFactory(),
                new WandbConnectorFactory(), new NotionConnectorFactory(), new SlackConnectorFactory(), new ArxivConnectorFactory()));
    }

    public List<String> sources() {
        return List.copyOf(factories.keySet());
    }

    public ConnectorFactory factory(String source) {
        ConnectorFactory f = factories.get(source);
        if (f == null) {
            throw new ConfigException("unknown source '" + source + "' (known: " + String.join(", ", factories.keySet()) + ")");
        }
        return f;
    }
}
