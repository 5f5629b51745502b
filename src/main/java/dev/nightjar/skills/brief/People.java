package dev.nightjar.skills.brief;

import dev.nightjar.store.PeopleDirectory;
import java.util.Optional;

/**
 * People as a brief names them: a person's real name from any of their sources (a GitHub login or a
 * Slack member id is never shown when any source knows the name), and the time zone they read in.
 */
public record People(PeopleDirectory directory) {

    /** The name of whoever owns {@code identity} ({@code source:handle}), else the directory's best guess. */
    public String name(String identity) {
        if (identity == null) return "someone";
        if (!identity.contains(":")) return identity; // already a name (a "Name:" speaker prefix)
        String direct = directory.displayName(identity);
        if (!looksLikeHandle(direct, identity)) return direct;
        Optional<String> email = directory.emailOf(identity);
        if (email.isEmpty()) return direct;
        for (String other : directory.identitiesOf(email.get())) {
            String n = directory.displayName(other);
            if (!looksLikeHandle(n, other)) return n;
        }
        return direct;
    }

    /** The name of the person with this e-mail. */
    public String nameOfEmail(String email) {
        for (String identity : directory.identitiesOf(email)) {
            String n = directory.displayName(identity);
            if (!looksLikeHandle(n, identity)) return n;
        }
        return email;
    }

    private static boolean looksLikeHandle(String name, String identity) {
        String handle = identity.substring(identity.indexOf(':') + 1);
        return name.equals(handle) || name.contains("@") || !name.contains(" ") && name.equals(name.toLowerCase(java.util.Locale.ROOT));
    }
}
