package dev.nightjar.config;

/** Configuration or usage the operator must fix (exit code 2). The message is one actionable line. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
