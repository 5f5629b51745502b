package dev.nightjar.skills;

import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Acl;
import dev.nightjar.store.PeopleDirectory;
import java.util.Set;

/**
 * Who is reading: the operator (CLI without {@code --as}, sees everything), one person (all of their
 * identities, for ACL checks), or "the workspace" (only documents everyone may see, e.g. a team brief
 * posted to a channel).
 */
public record Viewer(String email, Set<String> identities, boolean everything) {

    public static Viewer operator() {
        return new Viewer(null, Set.of(), true);
    }

    public static Viewer workspace() {
        return new Viewer(null, Set.of(), false);
    }

    /** The person with {@code email}; unknown e-mails are a usage error (exit 2), never "sees everything". */
    public static Viewer person(String email, PeopleDirectory people) {
        if (email == null || email.isBlank()) throw new ConfigException("an e-mail address is required");
        if (!people.knows(email)) {
            throw new ConfigException("unknown person " + email + ": no source reports this e-mail "
                    + "(check the address, or add it to index/people.yml)");
        }
        return new Viewer(email.trim().toLowerCase(java.util.Locale.ROOT), Set.copyOf(people.identitiesOf(email)), false);
    }

    public boolean canSee(Acl acl) {
        return everything || acl.visibleTo(identities);
    }

    /** The identities to pass to {@code SearchRequest.visibleTo}: null for the operator. */
    public Set<String> searchFilter() {
        return everything ? null : identities;
    }
}
