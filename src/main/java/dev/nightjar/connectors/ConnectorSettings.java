package dev.nightjar.connectors;

/**
 * Keys every {@code connectors/<source>.yml} has. Each source's settings record adds its own selection
 * keys (repos, teams, channels, ...).
 */
public interface ConnectorSettings {

    boolean enabled();

    /** The API's base URL from YAML; {@code NIGHTJAR_<SOURCE>_BASE_URL} overrides it. */
    String baseUrl();

    /** Name of the environment variable holding the token (never the token itself). */
    String tokenEnv();
}
