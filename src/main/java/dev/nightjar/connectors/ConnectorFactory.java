package dev.nightjar.connectors;

import dev.nightjar.config.ConfigDir;
import java.util.Optional;

/**
 * Builds one source's connector from {@code connectors/<source>.yml}. The job asks each factory in
 * turn, so adding a source is one factory plus one YAML file.
 */
public interface ConnectorFactory {

    String source();

    /** Reads and validates the settings (throws {@code ConfigException} with a clear line). */
    ConnectorSettings settings(ConfigDir config);

    /**
     * The connector, or empty when the YAML says {@code enabled: false}. Throws
     * {@code ConfigException} for a missing token variable.
     */
    Optional<Connector> create(ConfigDir config, ConnectorContext context);
}
