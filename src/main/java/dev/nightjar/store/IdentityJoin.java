package dev.nightjar.store;

import dev.nightjar.model.PersonIdentity;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Joins source accounts into people. In order of trust:
 * <ol>
 *   <li>an alias of {@code index/people.yml} ({@code github:jlee-dev} is {@code jordan@example.com});</li>
 *   <li>the e-mail the source reports, unless it is a GitHub no-reply address
 *       ({@code 5123757+lnovak@users.noreply.github.com}, {@code lnovak@users.noreply.github.com}), which
 *       names a GitHub account, not a mailbox, and so joins nobody;</li>
 *   <li>a confident name match: an account left without a usable e-mail whose full name (two words or
 *       more, compared without case or accents) is the name of exactly one person known by e-mail.
 *       Every such join is kept in {@link #nameMatches()} so the run can report it; a name shared by two
 *       people joins neither and is reported as {@link #ambiguous()}.</li>
 * </ol>
 * Pure: the same accounts and aliases always give the same people.
 */
public final class IdentityJoin {

    /** GitHub's no-reply forms: {@code ID+login@users.noreply.github.com} and the older {@code login@…}. */
    private static final Pattern GITHUB_NOREPLY = Pattern.compile("(?i)^(?:\\d+\\+)?([^@+]+)@users\\.noreply\\.github\\.com$");

    /** One person: the e-mail that names them, the name to show, and every account that is theirs. */
    public record Person(String email, String name, Set<String> identities) {
    }

    /** An account joined to a person by its name alone (reported, never silent). */
    public record NameMatch(String identity, String name, String email) {
    }

    /** An account left unjoined because its name is the name of more than one person. */
    public record Ambiguous(String identity, String name, List<String> emails) {
    }

    private final Map<String, Person> byEmail = new LinkedHashMap<>();
    private final Map<String, String> emailByIdentity = new HashMap<>();
    private final Map<String, String> nameByIdentity = new HashMap<>();
    private final List<NameMatch> nameMatches = new ArrayList<>();
    private final List<Ambiguous> ambiguous = new ArrayList<>();

    /**
     * @param accounts every account the sources reported
     * @param aliases  {@code index/people.yml}: alias identity → e-mail (lower-case)
     * @param names    {@code index/people.yml}: e-mail → the name to show (may be empty)
     */
    public IdentityJoin(Collection<PersonIdentity> accounts, Map<String, String> aliases, Map<String, String> names) {
        Map<String, Set<String>> members = new TreeMap<>();
        Map<String, Map<String, Integer>> nameVotes = new HashMap<>();
        List<PersonIdentity> unjoined = new ArrayList<>();
        aliases.forEach((identity, email) -> {
            members.computeIfAbsent(email, e -> new LinkedHashSet<>()).add(identity);
            emailByIdentity.put(identity, email);
        });
        names.forEach((email, name) -> members.computeIfAbsent(email, e -> new LinkedHashSet<>()));
        for (PersonIdentity a : accounts) {
            if (a.name() != null && !a.name().isBlank()) nameByIdentity.put(a.identity(), a.name().strip());
            String email = aliases.get(a.identity());
            if (email == null) email = mailbox(a.email()).orElse(null);
            if (email == null) {
                unjoined.add(a);
                continue;
            }
            members.computeIfAbsent(email, e -> new LinkedHashSet<>()).add(a.identity());
            emailByIdentity.put(a.identity(), email);
            if (a.name() != null && !a.name().isBlank() && !a.name().contains("@")) {
                nameVotes.computeIfAbsent(email, e -> new HashMap<>()).merge(a.name().strip(), 1, Integer::sum);
            }
        }
        Map<String, String> shownName = new HashMap<>();
        for (String email : members.keySet()) {
            String name = names.get(email);
            if (name == null || name.isBlank()) {
                name = nameVotes.getOrDefault(email, Map.of()).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey).orElse(null);
            }
            if (name != null) shownName.put(email, name);
        }
        Map<String, List<String>> emailsByName = new HashMap<>();
        shownName.forEach((email, name) -> emailsByName.computeIfAbsent(key(name), k -> new ArrayList<>()).add(email));
        nameVotes.forEach((email, votes) -> votes.keySet().forEach(n -> {
            List<String> list = emailsByName.computeIfAbsent(key(n), k -> new ArrayList<>());
            if (!list.contains(email)) list.add(email);
        }));
        for (PersonIdentity a : unjoined) {
            String name = a.name() == null ? "" : a.name().strip();
            if (name.split("\\s+").length < 2) continue; // one word ("sam", a login) is not a confident match
            List<String> candidates = emailsByName.getOrDefault(key(name), List.of());
            if (candidates.size() == 1) {
                String email = candidates.get(0);
                members.get(email).add(a.identity());
                emailByIdentity.put(a.identity(), email);
                nameMatches.add(new NameMatch(a.identity(), name, email));
            } else if (candidates.size() > 1) {
                ambiguous.add(new Ambiguous(a.identity(), name, candidates.stream().sorted().toList()));
            }
        }
        members.forEach((email, ids) -> byEmail.put(email, new Person(email, shownName.get(email), Set.copyOf(ids))));
    }

    /** The e-mail of a mailbox: lower-case, or empty for none and for a GitHub no-reply address. */
    public static Optional<String> mailbox(String email) {
        if (email == null || email.isBlank() || !email.contains("@")) return Optional.empty();
        String e = email.strip().toLowerCase(Locale.ROOT);
        return isGithubNoreply(e) || e.equals("noreply@github.com") ? Optional.empty() : Optional.of(e);
    }

    /** True for {@code ID+login@users.noreply.github.com} and {@code login@users.noreply.github.com}. */
    public static boolean isGithubNoreply(String email) {
        return email != null && GITHUB_NOREPLY.matcher(email.strip()).matches();
    }

    /** The person an account belongs to, when joined. */
    public Optional<Person> personOf(String identity) {
        String email = emailByIdentity.get(identity);
        return email == null ? Optional.empty() : Optional.ofNullable(byEmail.get(email));
    }

    /** The person with this e-mail, when any account or alias reports it. */
    public Optional<Person> personByEmail(String email) {
        return mailbox(email).map(byEmail::get);
    }

    /** The name an account's own source reports, if any. */
    public Optional<String> accountName(String identity) {
        return Optional.ofNullable(nameByIdentity.get(identity));
    }

    /** Every person with an e-mail, in e-mail order. */
    public Collection<Person> people() {
        return byEmail.values();
    }

    /**
     * True when {@code identity} was joined to its person by name alone. Such a join is good enough to
     * say whose work a pull request is, never to decide what someone may read: two people can share a
     * name, and an outsider's account would otherwise inherit a colleague's reads.
     */
    public boolean joinedByName(String identity) {
        return nameMatches.stream().anyMatch(m -> m.identity().equals(identity));
    }

    /** Accounts joined by name alone, for the run's report. */
    public List<NameMatch> nameMatches() {
        return List.copyOf(nameMatches);
    }

    /** Accounts whose name belongs to several people and that were therefore left unjoined. */
    public List<Ambiguous> ambiguous() {
        return List.copyOf(ambiguous);
    }

    /** A name compared without case, accents or extra spaces ("Tomás  Ibarra" = "tomas ibarra"). */
    public static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
