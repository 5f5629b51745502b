package dev.nightjar.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code index/people.yml}: identities the sources cannot join by e-mail, mapped to a person's e-mail. */
public record PeopleAliases(List<Person> people) {

    public static final String FILE = "index/people.yml";

    public PeopleAliases {
        people = people == null ? List.of() : people;
    }

    public record Person(String email, String name, List<String> aliases) {
        public Person {
            aliases = aliases == null ? List.of() : aliases;
        }
    }

    public static PeopleAliases load(ConfigDir config) {
        PeopleAliases aliases = config.readYaml(FILE, PeopleAliases.class).orElse(new PeopleAliases(List.of()));
        for (Person p : aliases.people()) {
            if (p.email() == null || !p.email().contains("@")) {
                throw new ConfigException(config.describe(FILE) + ": every person needs an email (got '" + p.email() + "')");
            }
            for (String alias : p.aliases()) {
                if (!alias.contains(":")) {
                    throw new ConfigException(config.describe(FILE) + ": alias '" + alias + "' of " + p.email() + " must be source:handle");
                }
            }
        }
        return aliases;
    }

    /** alias identity → e-mail (lower-case). */
    public Map<String, String> byIdentity() {
        Map<String, String> map = new HashMap<>();
        for (Person p : people) for (String a : p.aliases()) map.put(a, p.email().toLowerCase(Locale.ROOT));
        return map;
    }
}
