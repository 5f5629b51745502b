package dev.nightjar.skills;

import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Acl;
import dev.nightjar.store.PeopleDirectory;
import java.util.Set;

/**
 * Who is reading: the operator (CLI without {@code --as}, sees everything), one person, or "the
 * workspace" (only documents everyone may see, e.g. a team brief posted to a channel).
 *
 * <p>A person has two sets of identities: {@code identities}, the accounts whose reads they hold (joined by
 * e-mail or a {@code people.yml} alias), used for every ACL check; and {@code accounts}, every account
 * that is theirs including those joined by name alone, used only to find their own work (their pull
 * requests, their mentions). A name match never widens what someone may read.
 *
 * @param identities the ACL identities, e-mail included
 * @param accounts   every identity of the person (a superset of {@code identities})
 */
public record Viewer(String email, Set<String> identities, Set<String> accounts, boolean everything) {

    public static Viewer operator() {
        return new Viewer(null, Set.of(), Set.of(), true);
    }

    public static Viewer workspace() {
        return new Viewer(null, Set.of(), Set.of(), false);
    }

    /** A reader known only by these identities (e.g. a Slack user no other source reports). */
    public static Viewer reader(String email, Set<String> identities) {
        return new Viewer(email, Set.copyOf(identities), Set.copyOf(identities), false);
    }

    /** The person with {@code email}; unknown e-mails are a usage error (exit 2), never "sees everything". */
    public static Viewer person(String email, PeopleDirectory people) {
        if (email == null || email.isBlank()) throw new ConfigException("an e-mail address is required");
        if (!people.knows(email)) {
            throw new ConfigException("unknown person " + email + ": no source reports this e-mail "
                    + "(check the address, or add it to index/people.yml)");
        }
        return new Viewer(email.trim().toLowerCase(java.util.Locale.ROOT), Set.copyOf(people.readIdentitiesOf(email)),
                Set.copyOf(people.identitiesOf(email)), false);
    }

    public boolean canSee(Acl acl) {
        return everything || acl.visibleTo(identities);
    }

    /** The identities to pass to {@code SearchRequest.visibleTo}: null for the operator. */
    public Set<String> searchFilter() {
        return everything ? null : identities;
    }
}
