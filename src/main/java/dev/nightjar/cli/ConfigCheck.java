package dev.nightjar.cli;

import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.ConfigException;
import dev.nightjar.config.PeopleAliases;
import dev.nightjar.connectors.ConnectorRegistry;
import dev.nightjar.jobs.NightlySettings;
import dev.nightjar.truth.TruthPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Parses every configuration file before a command that reads configuration runs, so a broken file is
 * reported by `ask` or `canonical` as it is by `sync`, and every broken file at once, one line each
 * (rather than one per try). The checks are the loaders the commands use, so they cannot disagree.
 */
final class ConfigCheck {

    private ConfigCheck() {
    }

    /** @throws ConfigException one line per broken file, when any is */
    static void requireValid(ConfigDir config) {
        requireNone(problems(config));
    }

    /** @throws ConfigException one line per problem, when there is any */
    static void requireNone(List<String> problems) {
        if (!problems.isEmpty()) throw new ConfigException(String.join("\n", problems));
    }

    static List<String> problems(ConfigDir config) {
        List<String> problems = new ArrayList<>();
        ConnectorRegistry registry = ConnectorRegistry.builtIn();
        for (String source : registry.sources()) check(problems, c -> registry.factory(source).settings(c), config);
        check(problems, NightlySettings::load, config);
        check(problems, TruthPolicy::load, config);
        check(problems, PeopleAliases::load, config);
        return problems;
    }

    private static void check(List<String> problems, Consumer<ConfigDir> loader, ConfigDir config) {
        try {
            loader.accept(config);
        } catch (ConfigException e) {
            problems.add(e.getMessage());
        }
    }
}
