package dev.nightjar.skills.prep;

import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.connectors.slack.ThreadMessages.Message;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.brief.People;
import dev.nightjar.skills.brief.PullRequests;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Mentions still waiting on the person mentioned: a Slack message, or a Linear or GitHub issue, pull
 * request, review or comment, in which one side names the other, with no answer from the named person
 * afterwards. "Answered" is, per source:
 * <ul>
 *   <li>Slack: a later message by the mentioned person in the same thread, or their reaction on the
 *       mentioning message ({@code reactions[].users}, as {@code conversations.replies} returns it; a
 *       reaction has no time, so any reaction counts). A message nobody replied to in a thread is answered
 *       by a later top-level message of theirs in the same channel, since people answer unthreaded
 *       messages in the channel.</li>
 *   <li>Linear and GitHub (documents with a {@code MENTIONS} link): a later comment or review by the
 *       mentioned person on the same issue or pull request (the mentioning comment's {@code COMMENT_ON}
 *       target, or the mentioning issue or pull request itself).</li>
 * </ul>
 * A review request is not a mention (it is a review waiting, listed as such). Only documents the
 * corpus's reader may read are looked at, so a private channel's mention reaches only its members.
 */
final class UnansweredMentions {

    /** How far back a mention still counts as open: one left two weeks without an answer is taken as dropped. */
    static final Duration LOOKBACK = Duration.ofDays(14);
    /** The Slack thread property naming its conversation ({@code SlackNormalizer}). */
    private static final String CHANNEL_ID = "channel_id";

    /**
     * One mention without an answer.
     *
     * @param doc       the thread, issue, pull request or comment that holds it (the citation)
     * @param mentioner identity of who wrote it ({@code source:handle})
     * @param mentioned identity of who was named
     * @param at        when it was written at its source
     * @param text      the mentioning message or comment as a reader sees it
     */
    record Pending(StoredDocument doc, String mentioner, String mentioned, Instant at, String text) {
    }

    private final Corpus corpus;
    private final PeopleDirectory directory;
    private final People people;

    UnansweredMentions(Corpus corpus, PeopleDirectory directory) {
        this.corpus = corpus;
        this.directory = directory;
        this.people = new People(directory);
    }

    /**
     * Mentions made in {@code [from, until]} by someone of {@code one} of someone of {@code other}, or the
     * other way round, still unanswered at {@code until}; oldest (waiting longest) first. An empty
     * {@code other} stands for anyone outside {@code one}.
     */
    List<Pending> between(Set<String> one, Set<String> other, Instant from, Instant until) {
        Pair pair = new Pair(one, other);
        List<Pending> out = new ArrayList<>();
        List<StoredDocument> changed = corpus.select(q -> q.updatedBetween(from, until));
        out.addAll(slack(changed, pair, from, until));
        out.addAll(elsewhere(pair, from, until));
        out.sort(Comparator.comparing(Pending::at).thenComparing(p -> p.doc().id()));
        return out;
    }

    /** Who may be the two ends of a mention. */
    private record Pair(Set<String> one, Set<String> other) {
        boolean matches(String mentioner, String mentioned) {
            if (mentioner == null || mentioner.equals(mentioned)) return false;
            return one.contains(mentioner) && side(other, mentioned) || one.contains(mentioned) && side(other, mentioner);
        }

        private boolean side(Set<String> ids, String identity) {
            return ids.isEmpty() ? !one.contains(identity) : ids.contains(identity);
        }

        Set<String> all() {
            Set<String> ids = new LinkedHashSet<>(one);
            ids.addAll(other);
            return ids;
        }
    }

    private List<Pending> slack(List<StoredDocument> changed, Pair pair, Instant from, Instant until) {
        List<StoredDocument> threads = changed.stream().filter(d -> DocumentKind.SLACK_THREAD.is(d.document().id())).toList();
        Map<String, List<Message>> messages = new java.util.HashMap<>();
        for (StoredDocument t : threads) messages.put(t.id(), ThreadMessages.read(t.document().rawJson(), u -> people.name("slack:" + u)));
        List<Pending> out = new ArrayList<>();
        for (StoredDocument t : threads) {
            List<Message> thread = messages.get(t.id());
            for (Message m : thread) {
                if (m.at().isBefore(from) || m.at().isAfter(until)) continue;
                for (String mentioned : m.mentions()) {
                    if (!pair.matches(m.author(), mentioned) || m.reactedBy().contains(mentioned)) continue;
                    if (wroteAfter(thread, mentioned, m.at(), until)) continue;
                    if (thread.size() == 1 && answeredInChannel(t, threads, messages, mentioned, m.at(), until)) continue;
                    out.add(new Pending(t, m.author(), mentioned, m.at(), m.text()));
                }
            }
        }
        return out;
    }

    private static boolean wroteAfter(List<Message> messages, String who, Instant after, Instant until) {
        return messages.stream().anyMatch(n -> n.author().equals(who) && n.at().isAfter(after) && !n.at().isAfter(until));
    }

    /** A later top-level message by {@code who} in the channel of {@code t}. */
    private static boolean answeredInChannel(StoredDocument t, List<StoredDocument> threads, Map<String, List<Message>> messages, String who,
                                             Instant after, Instant until) {
        String channel = t.document().properties().get(CHANNEL_ID);
        if (channel == null) return false;
        return threads.stream().filter(o -> channel.equals(o.document().properties().get(CHANNEL_ID)))
                .map(o -> messages.get(o.id())).filter(ms -> !ms.isEmpty())
                .anyMatch(ms -> ms.get(0).author().equals(who) && ms.get(0).at().isAfter(after) && !ms.get(0).at().isAfter(until));
    }

    private List<Pending> elsewhere(Pair pair, Instant from, Instant until) {
        List<Link> mentions = corpus.linksTo(pair.all().stream().map(i -> "person:" + i).toList(), LinkType.MENTIONS);
        Map<String, StoredDocument> docs = Corpus.byId(corpus.findAll(mentions.stream().map(l -> l.from().toString()).distinct().toList()));
        List<Pending> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Link l : mentions) {
            StoredDocument d = docs.get(l.from().toString());
            if (d == null || d.document().id().source().equals("slack")) continue; // Slack is read message by message above
            Document doc = d.document();
            String mentioned = l.to().substring("person:".length());
            Instant at = doc.createdAt();
            if (at == null || at.isBefore(from) || at.isAfter(until) || !pair.matches(doc.author(), mentioned)) continue;
            if (PullRequests.requestedReviewers(doc).contains(mentioned) || !seen.add(d.id() + " " + mentioned)) continue;
            if (answeredOn(d, mentioned, at, until)) continue;
            out.add(new Pending(d, doc.author(), mentioned, at, doc.body()));
        }
        return out;
    }

    /** A comment or review by {@code mentioned} (any of their accounts) on the same issue or pull request, after {@code at}. */
    private boolean answeredOn(StoredDocument d, String mentioned, Instant at, Instant until) {
        String parent = corpus.linksFrom(List.of(d.id()), LinkType.COMMENT_ON).stream().map(Link::to).findFirst().orElse(d.id());
        Set<String> theirs = new HashSet<>(Set.of(mentioned));
        directory.emailOf(mentioned).ifPresent(e -> theirs.addAll(directory.identitiesOf(e)));
        List<String> replies = corpus.linksTo(List.of(parent), LinkType.COMMENT_ON).stream().map(x -> x.from().toString()).toList();
        return corpus.findAll(replies).stream().map(StoredDocument::document)
                .anyMatch(r -> theirs.contains(r.author()) && written(r).filter(w -> w.isAfter(at) && !w.isAfter(until)).isPresent());
    }

    private static Optional<Instant> written(Document d) {
        return Optional.ofNullable(d.createdAt() != null ? d.createdAt() : d.updatedAt());
    }
}
