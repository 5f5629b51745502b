package dev.nightjar.store;

import dev.nightjar.config.PeopleAliases;
import dev.nightjar.model.PersonIdentity;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One person across sources: identities join by the e-mail their source reports, and by the aliases
 * of {@code index/people.yml} where a source reports none.
 */
public final class PeopleDirectory {

    private final PeopleStore people;
    private final Map<String, String> aliasToEmail;

    public PeopleDirectory(PeopleStore people, PeopleAliases aliases) {
        this.people = people;
        this.aliasToEmail = aliases.byIdentity();
    }

    /** The e-mail behind {@code identity} ({@code source:handle}), when known. */
    public Optional<String> emailOf(String identity) {
        if (identity == null) return Optional.empty();
        if (identity.contains("@") && !identity.contains(":")) return Optional.of(identity.toLowerCase(Locale.ROOT));
        String alias = aliasToEmail.get(identity);
        if (alias != null) return Optional.of(alias);
        return people.find(identity).map(PersonIdentity::email).filter(e -> e != null && !e.isBlank());
    }

    /** Every identity of the person with {@code email}, plus the e-mail itself (for ACL checks). */
    public Set<String> identitiesOf(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        Set<String> ids = new LinkedHashSet<>();
        ids.add(e);
        for (PersonIdentity p : people.byEmail(e)) ids.add(p.identity());
        aliasToEmail.forEach((alias, mail) -> {
            if (mail.equals(e)) ids.add(alias);
        });
        return ids;
    }

    /** True when any source or alias knows this e-mail. */
    public boolean knows(String email) {
        return identitiesOf(email).size() > 1;
    }

    /** A readable name for an identity: the source's name, else the e-mail, else the handle. */
    public String displayName(String identity) {
        if (identity == null) return "someone";
        Optional<PersonIdentity> p = people.find(identity);
        if (p.isPresent() && p.get().name() != null && !p.get().name().isBlank()) return p.get().name();
        return emailOf(identity).orElse(identity.contains(":") ? identity.substring(identity.indexOf(':') + 1) : identity);
    }

    public Optional<String> timeZoneOf(String email) {
        return people.byEmail(email).stream().map(PersonIdentity::timeZone).filter(z -> z != null && !z.isBlank()).findFirst();
    }
}
