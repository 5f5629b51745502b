package dev.nightjar.skills.ask;

import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Words;
import dev.nightjar.store.PeopleStore;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a question's topic to a subject: an issue key ({@code ASR-117}), a Linear initiative or
 * project by name (fuzzy and partial: the share of the name's words found in the topic), a person (by
 * e-mail or full name), or else a free topic. When two names match equally well, the choice is
 * ambiguous and the others are named as candidates.
 */
public final class SubjectResolver {

    private static final Pattern ISSUE_KEY = Pattern.compile("\\b([A-Z][A-Z0-9]{1,9}-\\d{1,7})\\b");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private final Corpus corpus;
    private final PeopleStore people;

    public SubjectResolver(Corpus corpus, PeopleStore people) {
        this.corpus = corpus;
        this.people = people;
    }

    private record Scored(StoredDocument doc, Words.Overlap overlap, boolean whole) {
        double score() {
            return overlap.ratio() + (whole ? 1 : 0) + overlap.matched() * 0.01;
        }
    }

    public Subject resolve(String topic) {
        Matcher key = ISSUE_KEY.matcher(topic);
        while (key.find()) {
            Optional<StoredDocument> issue = corpus.find("linear:issue:" + key.group(1));
            if (issue.isPresent()) return subject("issue", key.group(1), issue.get(), List.of());
        }
        Matcher email = EMAIL.matcher(topic);
        if (email.find()) {
            String e = email.group().toLowerCase(Locale.ROOT);
            List<PersonIdentity> ids = people.byEmail(e);
            if (!ids.isEmpty()) return new Subject("person", e, name(ids, e), null, List.of());
        }
        Set<String> tokens = Words.significant(topic);
        if (!tokens.isEmpty()) {
            Optional<Subject> planned = planning(topic, tokens);
            if (planned.isPresent()) return planned.get();
            Optional<Subject> person = personByName(topic);
            if (person.isPresent()) return person.get();
        }
        return Subject.topic(topic);
    }

    private Optional<Subject> planning(String topic, Set<String> tokens) {
        String lower = topic.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (StoredDocument d : corpus.query("source = 'linear' AND kind IN ('initiative', 'project') AND deleted_at IS NULL")) {
            Words.Overlap o = Words.fuzzyOverlap(d.document().title(), tokens);
            if (o.matched() == 0) continue;
            boolean whole = lower.contains(d.document().title().toLowerCase(Locale.ROOT));
            scored.add(new Scored(d, o, whole));
        }
        if (scored.isEmpty()) return Optional.empty();
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparing(s -> s.doc().document().id().kind().equals("initiative") ? 0 : 1));
        Scored best = scored.get(0);
        if (!best.whole() && best.overlap().ratio() < 0.34) return Optional.empty();
        List<String> candidates = new ArrayList<>();
        if (!best.whole()) {
            for (Scored s : scored.subList(1, scored.size())) {
                if (s.overlap().matched() == best.overlap().matched() && !s.whole()) candidates.add(s.doc().document().title());
            }
        }
        StoredDocument d = best.doc();
        return Optional.of(subject(d.document().id().kind(), d.document().id().key(), d, candidates));
    }

    private Optional<Subject> personByName(String topic) {
        String lower = " " + topic.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", " ") + " ";
        // a person's real address before a GitHub no-reply one (those are joined to the person through people.yml)
        List<PersonIdentity> all = new ArrayList<>(people.all());
        all.sort(Comparator.comparing((PersonIdentity p) -> p.email() != null && p.email().contains("noreply") ? 1 : 0));
        for (PersonIdentity p : all) {
            if (p.name() == null || p.email() == null || !p.name().contains(" ")) continue;
            if (lower.contains(" " + p.name().toLowerCase(Locale.ROOT) + " ")) {
                return Optional.of(new Subject("person", p.email(), p.name(), null, List.of()));
            }
        }
        return Optional.empty();
    }

    private static String name(List<PersonIdentity> ids, String fallback) {
        return ids.stream().map(PersonIdentity::name).filter(n -> n != null && !n.isBlank()).findFirst().orElse(fallback);
    }

    private static Subject subject(String kind, String key, StoredDocument d, List<String> candidates) {
        return new Subject(kind, key, d.document().title(), d.id(), candidates);
    }
}
