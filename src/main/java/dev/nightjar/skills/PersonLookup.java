package dev.nightjar.skills;

import dev.nightjar.config.ConfigException;
import dev.nightjar.store.IdentityJoin;
import dev.nightjar.store.PeopleDirectory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a user types for a person ({@code brief --person}, {@code prep --with}): a known e-mail, or a
 * full name that belongs to exactly one person. Anything else is one clear line (exit 2) naming the
 * nearest known address when there is one, so a typo costs one retry.
 */
public final class PersonLookup {

    /** Within this many edits a typed name or address is taken for a typo of a known one. */
    private static final int MAX_EDITS = 2;

    private PersonLookup() {
    }

    /**
     * The e-mail of the person {@code asked} names.
     *
     * @param asked an e-mail (any case) or a full name such as {@code Maya Okafor} (ignoring case and accents)
     * @return the known e-mail, as the people directory keys the person
     * @throws ConfigException when nobody matches (with "did you mean" the nearest e-mail), or a name is
     *                         several people's (naming their e-mails)
     */
    public static String email(String asked, PeopleDirectory people) {
        if (asked == null || asked.isBlank()) throw new ConfigException("an e-mail address is required");
        String typed = asked.strip();
        if (people.knows(typed)) return typed;
        List<IdentityJoin.Person> everyone = people.join().people().stream().filter(p -> p.email() != null && !p.email().isBlank()).toList();
        if (!typed.contains("@")) {
            String key = IdentityJoin.key(typed);
            List<String> named = everyone.stream().filter(p -> p.name() != null && IdentityJoin.key(p.name()).equals(key))
                    .map(IdentityJoin.Person::email).distinct().sorted().toList();
            if (named.size() == 1) return named.get(0);
            if (named.size() > 1) {
                throw new ConfigException(typed + " is the name of " + named.size() + " people; give the e-mail: " + String.join(", ", named));
            }
        }
        // typed text → the e-mail to suggest: every address, and for a typed name every name standing for its address
        Map<String, String> suggest = new LinkedHashMap<>();
        for (IdentityJoin.Person p : everyone) {
            suggest.put(p.email(), p.email());
            if (!typed.contains("@") && p.name() != null && !p.name().isBlank()) suggest.putIfAbsent(p.name(), p.email());
        }
        String what = typed.contains("@") ? "this e-mail" : "this e-mail or name";
        throw new ConfigException("unknown person " + typed + ": no source reports " + what + didYouMean(typed, suggest));
    }

    /** " (did you mean X?)" for the nearest of {@code candidates} within two edits, else nothing. */
    public static String didYouMean(String asked, List<String> candidates) {
        Map<String, String> self = new LinkedHashMap<>();
        candidates.forEach(c -> self.put(c, c));
        return didYouMean(asked, self);
    }

    /**
     * " (did you mean V?)" where V is the value of the key nearest to {@code asked} within two edits
     * (whole text, or an address's local part / a name's first word), else nothing. Ties go to the
     * alphabetically first key so the answer does not depend on map order.
     */
    static String didYouMean(String asked, Map<String, String> candidates) {
        String a = asked.strip().toLowerCase(Locale.ROOT);
        record Near(String key, int edits) {
        }
        List<Near> near = new ArrayList<>();
        for (String c : candidates.keySet()) {
            String lower = c.toLowerCase(Locale.ROOT);
            int edits = Math.min(Words.distance(a, lower), prefixDistance(a, lower));
            if (edits <= MAX_EDITS) near.add(new Near(c, edits));
        }
        return near.stream().min(Comparator.comparingInt(Near::edits).thenComparing(Near::key))
                .map(n -> " (did you mean " + candidates.get(n.key()) + "?)").orElse("");
    }

    /** An address's local part or a title's first word typed close to a candidate's ("mya" for maya@…). */
    private static int prefixDistance(String asked, String candidate) {
        String a = asked.split("[@ ]")[0], c = candidate.split("[@ ]")[0];
        return a.isEmpty() ? MAX_EDITS + 1 : Words.distance(a, c) + (asked.equals(a) ? 0 : 1);
    }
}
