package dev.nightjar.skills.ask;

import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Words;
import dev.nightjar.store.IdentityJoin;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a question's topic to a subject: an issue key ({@code ASR-117}, or typed {@code asr-117}), a Linear initiative or
 * project by name (fuzzy and partial: the share of the name's words found in the topic), a person (by
 * e-mail, GitHub no-reply address, full name or a source handle such as a GitHub login, joined across sources), or else a free topic. When two names match equally well, the choice is
 * ambiguous and the others are named as candidates.
 */
public final class SubjectResolver {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private final Corpus corpus;
    private final PeopleDirectory people;
    private final Supplier<List<StoredDocument>> planning;

    public SubjectResolver(Corpus corpus, PeopleDirectory people) {
        this(corpus, people, () -> corpus.store().queries().ofKinds(DocumentKind.PLANNING));
    }

    /**
     * @param planning every current Linear initiative and project, before the reader's access is applied (a
     *                 long-running process keeps them between answers: {@code Workspace.planningDocuments()})
     */
    public SubjectResolver(Corpus corpus, PeopleDirectory people, Supplier<List<StoredDocument>> planning) {
        this.corpus = corpus;
        this.people = people;
        this.planning = planning;
    }

    private record Scored(StoredDocument doc, Words.Overlap overlap, boolean whole) {
        double score() {
            return overlap.ratio() + (whole ? 1 : 0) + overlap.matched() * 0.01;
        }
    }

    public Subject resolve(String topic) {
        for (String key : IssueKeyLinks.typedKeys(topic)) { // "rnk-134" too, where the store holds that issue
            Optional<StoredDocument> issue = corpus.find(DocumentKind.LINEAR_ISSUE.prefix() + key);
            if (issue.isPresent()) return subject("issue", key, issue.get(), List.of());
        }
        Matcher email = EMAIL.matcher(topic);
        if (email.find()) {
            Optional<IdentityJoin.Person> p = people.person(email.group());
            if (p.isPresent()) return person(p.get());
        }
        Set<String> tokens = Words.significant(topic);
        if (!tokens.isEmpty()) {
            Optional<Subject> planned = planning(topic, tokens);
            if (planned.isPresent()) return planned.get();
            Optional<Subject> person = personByName(topic);
            if (person.isPresent()) return person.get();
            // a login or source handle ("lnovak", "@lena-n"): the joined person, never the bare handle
            Optional<IdentityJoin.Person> byHandle = people.personByHandleIn(topic);
            if (byHandle.isPresent()) return person(byHandle.get());
        }
        return Subject.topic(topic);
    }

    private Optional<Subject> planning(String topic, Set<String> tokens) {
        String lower = topic.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (StoredDocument d : planning.get()) {
            if (!corpus.visible(d)) continue;
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

    /** A person named in full: one entity across sources, keyed by their e-mail (never a login or no-reply address). */
    private Optional<Subject> personByName(String topic) {
        return people.personNamedIn(topic).map(SubjectResolver::person);
    }

    private static Subject person(IdentityJoin.Person p) {
        return new Subject("person", p.email(), p.name() != null ? p.name() : p.email(), null, List.of());
    }

    private static Subject subject(String kind, String key, StoredDocument d, List<String> candidates) {
        return new Subject(kind, key, d.document().title(), d.id(), candidates);
    }
}
