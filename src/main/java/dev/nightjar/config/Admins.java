package dev.nightjar.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Admins by e-mail, from {@code admins:} in {@code connectors/slack.yml} (the contract's single list). */
public final class Admins {

    public static final String FILE = "connectors/slack.yml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Set<String> emails;

    public Admins(Set<String> emails) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String e : emails) normalized.add(e.trim().toLowerCase(Locale.ROOT));
        this.emails = Set.copyOf(normalized);
    }

    public static Admins load(ConfigDir config) {
        String text = config.readText(FILE).orElse("");
        Set<String> emails = new LinkedHashSet<>();
        try {
            JsonNode root = YAML.readTree(text);
            JsonNode admins = root == null ? null : root.get("admins");
            if (admins != null && !admins.isNull()) {
                if (!admins.isArray()) throw new ConfigException(config.describe(FILE) + ": admins must be a list of e-mails");
                admins.forEach(a -> emails.add(a.asText()));
            }
        } catch (IOException e) {
            throw new ConfigException(config.describe(FILE) + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return new Admins(emails);
    }

    public boolean isAdmin(String email) {
        return email != null && emails.contains(email.trim().toLowerCase(Locale.ROOT));
    }

    public Set<String> emails() {
        return emails;
    }
}
