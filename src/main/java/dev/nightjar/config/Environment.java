package dev.nightjar.config;

import java.util.Map;
import java.util.Optional;

/** Environment variables, injectable so tests never depend on (or leak) the real environment. */
@FunctionalInterface
public interface Environment {

    String get(String name);

    default Optional<String> find(String name) {
        String value = get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    static Environment system() {
        return System::getenv;
    }

    static Environment of(Map<String, String> values) {
        return values::get;
    }
}
