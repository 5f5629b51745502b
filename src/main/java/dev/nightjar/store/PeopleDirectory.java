package dev.nightjar.store;

import dev.nightjar.config.PeopleAliases;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One person across sources (see {@link IdentityJoin} for the rules: {@code index/people.yml} aliases,
 * the e-mail a source reports, confident name matches). The join is recomputed only when the
 * accounts' version moves ({@link PeopleStore#version}: any identity write in this JVM, or another
 * node's seen by {@link PeopleStore#noticeOtherWriters}), so a long-running {@code serve} follows each
 * night's sync.
 */
public final class PeopleDirectory {

    private final PeopleStore people;
    private final Map<String, String> aliasToEmail;
    private final Map<String, String> configuredNames;
    /** The last join and the accounts' version it was made from, swapped as one (readers take no lock). */
    private volatile Joined joined;

    private record Joined(long version, IdentityJoin join) {
    }

    public PeopleDirectory(PeopleStore people, PeopleAliases aliases) {
        this.people = people;
        this.aliasToEmail = aliases.byIdentity();
        this.configuredNames = aliases.people().stream().filter(p -> p.name() != null && !p.name().isBlank())
                .collect(Collectors.toMap(p -> p.email().toLowerCase(Locale.ROOT), p -> p.name().strip(), (a, b) -> a));
    }

    /** The current join of every known account. */
    public IdentityJoin join() {
        // An answer asks for names many times: the version is an in-memory counter (moved by every identity
        // write, see PeopleStore.version), so a lookup runs no query unless the accounts changed. It is read
        // before the accounts are, so a write racing the re-join leaves an older version and the next reader re-joins.
        long version = people.version();
        Joined current = joined;
        if (current != null && current.version() == version) return current.join();
        synchronized (this) {
            current = joined;
            version = people.version();
            if (current == null || current.version() != version) {
                current = new Joined(version, new IdentityJoin(people.all(), aliasToEmail, configuredNames));
                joined = current;
            }
            return current.join();
        }
    }

    /** The e-mail behind {@code identity} ({@code source:handle}) or of an e-mail address, when known. */
    public Optional<String> emailOf(String identity) {
        if (identity == null) return Optional.empty();
        if (identity.contains("@") && !identity.contains(":")) {
            // a no-reply address names a GitHub account: its person, if that account was joined
            return IdentityJoin.isGithubNoreply(identity) ? person(identity).map(IdentityJoin.Person::email)
                    : Optional.of(identity.strip().toLowerCase(Locale.ROOT));
        }
        return join().personOf(identity).map(IdentityJoin.Person::email);
    }

    /**
     * The person named by an e-mail address (a no-reply address included) or an identity. Empty when no
     * source knows them.
     */
    public Optional<IdentityJoin.Person> person(String emailOrIdentity) {
        if (emailOrIdentity == null || emailOrIdentity.isBlank()) return Optional.empty();
        String s = emailOrIdentity.strip();
        IdentityJoin j = join();
        if (s.contains("@") && !s.contains(":")) {
            if (IdentityJoin.isGithubNoreply(s)) {
                String login = s.substring(s.indexOf('+') + 1, s.indexOf('@'));
                return j.personOf("github:" + login.toLowerCase(Locale.ROOT)).or(() -> j.personOf("github:" + login));
            }
            return j.personByEmail(s);
        }
        return j.personOf(s);
    }

    /**
     * The one person whose full name appears in {@code text} (word-bounded, ignoring case and accents),
     * longest name first; empty when none does.
     */
    public Optional<IdentityJoin.Person> personNamedIn(String text) {
        String haystack = " " + IdentityJoin.key(text) + " ";
        return join().people().stream()
                .filter(p -> p.name() != null && p.name().strip().contains(" "))
                .filter(p -> haystack.contains(" " + IdentityJoin.key(p.name()) + " "))
                .max(java.util.Comparator.comparingInt(p -> p.name().length()));
    }

    /** A word that may be an account handle or display name: letters, digits, {@code . _ -}, an optional {@code @}. */
    private static final java.util.regex.Pattern HANDLE_WORD = java.util.regex.Pattern.compile("@?([\\p{L}\\p{N}][\\p{L}\\p{N}._-]*[\\p{L}\\p{N}])");

    /**
     * The one person one of whose accounts is named by a word of {@code text}: a source handle (a GitHub
     * login such as {@code lnovak}, a W&amp;B user name) or a one-word account name a source reports (a
     * Slack display name), compared ignoring case and a leading {@code @}. Empty when no word names an
     * account, or when the words name accounts of more than one person (never a guess).
     */
    public Optional<IdentityJoin.Person> personByHandleIn(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        Set<String> words = new LinkedHashSet<>();
        java.util.regex.Matcher m = HANDLE_WORD.matcher(text);
        while (m.find()) words.add(m.group(1).toLowerCase(Locale.ROOT));
        IdentityJoin j = join();
        Set<IdentityJoin.Person> found = new LinkedHashSet<>();
        for (IdentityJoin.Person p : j.people()) {
            for (String identity : p.identities()) {
                String handle = identity.substring(identity.indexOf(':') + 1).toLowerCase(Locale.ROOT);
                String own = j.accountName(identity).map(n -> n.toLowerCase(Locale.ROOT)).orElse("");
                if (words.contains(handle) || (!own.contains(" ") && words.contains(own))) found.add(p);
            }
        }
        return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
    }

    /** Every identity of the person with {@code email}, plus the e-mail itself (for ACL checks). */
    public Set<String> identitiesOf(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        Set<String> ids = new LinkedHashSet<>();
        Optional<IdentityJoin.Person> p = person(e);
        ids.add(p.map(IdentityJoin.Person::email).orElse(e));
        p.ifPresent(person -> ids.addAll(person.identities().stream().sorted().toList()));
        return ids;
    }

    /**
     * The identities that decide what the person with {@code email} may read: {@link #identitiesOf}
     * without the accounts joined by name alone ({@link IdentityJoin#joinedByName}). Permission follows
     * only the joins a source or {@code index/people.yml} vouches for (an e-mail or an alias).
     */
    public Set<String> readIdentitiesOf(String email) {
        IdentityJoin j = join();
        Set<String> ids = new LinkedHashSet<>(identitiesOf(email));
        ids.removeIf(j::joinedByName);
        return ids;
    }

    /** True when any source or alias knows this e-mail. */
    public boolean knows(String email) {
        return person(email).map(p -> !p.identities().isEmpty()).orElse(false);
    }

    /**
     * A readable name for an identity or e-mail: the person's name, else the account's own name, else
     * the e-mail, else the handle. Never a GitHub no-reply address.
     */
    public String displayName(String identity) {
        if (identity == null) return "someone";
        Optional<IdentityJoin.Person> p = person(identity);
        if (p.isPresent() && p.get().name() != null) return p.get().name();
        Optional<String> own = join().accountName(identity);
        if (own.isPresent()) return own.get();
        if (p.isPresent()) return p.get().email();
        if (IdentityJoin.isGithubNoreply(identity)) return identity.substring(identity.indexOf('+') + 1, identity.indexOf('@'));
        return identity.contains(":") ? identity.substring(identity.indexOf(':') + 1) : identity;
    }

    /** Accounts joined to a person by name alone (for the run's report and {@code status}). */
    public List<IdentityJoin.NameMatch> nameMatches() {
        return join().nameMatches();
    }

    public Optional<String> timeZoneOf(String email) {
        Set<String> ids = identitiesOf(email);
        return ids.stream().filter(i -> i.contains(":")).sorted().map(people::find).flatMap(Optional::stream)
                .map(dev.nightjar.model.PersonIdentity::timeZone).filter(z -> z != null && !z.isBlank()).findFirst();
    }
}
