package dev.nightjar.connectors;

import dev.nightjar.config.ConfigException;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.http.HttpClients;
import dev.nightjar.connectors.http.RetryPolicy;
import dev.nightjar.connectors.http.Sleeper;
import java.time.Clock;
import java.util.Locale;
import okhttp3.OkHttpClient;

/**
 * What a connector needs from the outside world, in one place so tests can replace any of it:
 * environment (tokens, base-URL overrides), HTTP client, retry policy, sleeper and clock.
 */
public record ConnectorContext(Environment env, OkHttpClient http, RetryPolicy retryPolicy, Sleeper sleeper,
                               Clock clock) {

    public static ConnectorContext production(Environment env) {
        return new ConnectorContext(env, HttpClients.shared(), RetryPolicy.defaults(), Sleeper.real(), Clock.systemUTC());
    }

    /** The base URL without a trailing slash: {@code NIGHTJAR_<SOURCE>_BASE_URL} wins over the YAML. */
    public String baseUrl(String source, ConnectorSettings settings) {
        String override = env.get("NIGHTJAR_" + source.toUpperCase(Locale.ROOT) + "_BASE_URL");
        String url = override != null && !override.isBlank() ? override : settings.baseUrl();
        if (url == null || url.isBlank()) {
            throw new ConfigException("connectors/" + source + ".yml: base-url is not set");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The token from the variable named by {@code token-env}; a clear error names the variable. */
    public String token(String source, ConnectorSettings settings) {
        String variable = settings.tokenEnv();
        if (variable == null || variable.isBlank()) {
            throw new ConfigException("connectors/" + source + ".yml: token-env is not set");
        }
        return env.find(variable).orElseThrow(() -> new ConfigException(source + ": environment variable "
                + variable + " is not set (named by token-env in connectors/" + source + ".yml)"));
    }
}
