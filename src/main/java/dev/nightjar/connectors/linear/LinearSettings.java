package dev.nightjar.connectors.linear;

import dev.nightjar.connectors.ConnectorSettings;
import java.util.List;

/**
 * {@code connectors/linear.yml}.
 *
 * @param teams team keys to read ({@code [PAY, ASR]}); empty means every team the key can see
 */
public record LinearSettings(boolean enabled, String baseUrl, String tokenEnv, List<String> teams)
        implements ConnectorSettings {

    public static final String DEFAULT_BASE_URL = "https://api.linear.app/graphql";
    public static final String DEFAULT_TOKEN_ENV = "LINEAR_API_KEY";

    public LinearSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
        tokenEnv = tokenEnv == null || tokenEnv.isBlank() ? DEFAULT_TOKEN_ENV : tokenEnv;
        teams = teams == null ? List.of() : teams.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    public static LinearSettings defaults() {
        return new LinearSettings(true, DEFAULT_BASE_URL, DEFAULT_TOKEN_ENV, List.of());
    }
}
