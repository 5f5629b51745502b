package dev.nightjar.skills.brief;

import dev.nightjar.skills.decisions.DecisionFollowUp;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.connectors.slack.ThreadMessages;
import dev.nightjar.connectors.slack.ThreadMessages.Message;
import dev.nightjar.model.Document;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What people said inside the window, message by message and by each message's own source time (a
 * Slack thread is one document, but its replies are news one by one): decisions made in the window,
 * later replies that confirm, amend or reverse an earlier decision (shown with that decision, quoted),
 * other replies to older threads, and who mentioned whom. A message appears at most once in a brief.
 */
public final class Conversations {

    private static final int QUOTE_MAX = 180;

    private final People people;
    private final ReaderTime time;
    private final Audience who;
    private final Instant since;
    private final Instant until;
    private final Map<String, List<Message>> messages = new HashMap<>();
    private final Set<String> shown = new HashSet<>();

    Conversations(People people, ReaderTime time, Audience who, Instant since, Instant until) {
        this.people = people;
        this.time = time;
        this.who = who;
        this.since = since;
        this.until = until;
    }

    /** The messages of a Slack thread with their source times; a document without raw JSON reads as one message. */
    List<Message> messages(StoredDocument d) {
        return messages.computeIfAbsent(d.id(), id -> {
            Document doc = d.document();
            List<Message> read = ThreadMessages.read(doc.rawJson(), u -> people.name("slack:" + u));
            if (!read.isEmpty()) return read;
            Instant at = doc.createdAt() != null ? doc.createdAt() : doc.updatedAt();
            return at == null ? List.of() : List.of(new Message(0, doc.author(), at, doc.body(), Set.of()));
        });
    }

    private boolean inWindow(Instant at) {
        return at != null && !at.isBefore(since) && !at.isAfter(until);
    }

    /**
     * Decisions made inside the window, each with the replies that followed it in the window; then
     * earlier decisions whose threads got a reply in the window, the reply quoted with what it does to
     * the decision ("confirmed by Tomás Ibarra, 9 h ago: …").
     */
    void decisions(FactSheet sheet, String newSection, String earlierSection, Corpus corpus, Predicate<StoredDocument> inScope,
                   List<Decision> recent, List<Decision> ofChangedThreads) {
        List<Decision> fresh = recent.stream().filter(d -> inWindow(d.decidedAt())).toList();
        Map<String, StoredDocument> sources = Corpus.byId(corpus.findAll(concatIds(fresh, ofChangedThreads)));
        for (Decision d : fresh) {
            StoredDocument src = sources.get(d.docId());
            if (src == null || !inScope.test(src)) continue;
            markDecisionMessage(src, d);
            sheet.add(newSection, "Decision: " + d.text() + (d.why() == null ? " (no reason given)" : "; why: " + d.why()) + " ("
                    + people.name(d.who()) + ", " + time.ago(d.decidedAt()) + ", " + src.truth().label() + ")"
                    + followUps(src, d, ofChangedThreads) + ".", src);
        }
        for (Decision d : ofChangedThreads) {
            StoredDocument src = sources.get(d.docId());
            if (src == null || d.decidedAt() == null || inWindow(d.decidedAt()) || d.decidedAt().isAfter(until) || !inScope.test(src)) continue;
            String replies = followUps(src, d, ofChangedThreads);
            if (replies.isEmpty()) continue;
            sheet.add(earlierSection, "Decision of " + time.absolute(d.decidedAt()) + " (" + people.name(d.who()) + ", "
                    + time.age(d.decidedAt()) + "): " + d.text() + replies + ".", src);
        }
    }

    private static List<String> concatIds(List<Decision> a, List<Decision> b) {
        List<String> ids = new ArrayList<>();
        a.forEach(d -> ids.add(d.docId()));
        b.forEach(d -> ids.add(d.docId()));
        return ids.stream().distinct().toList();
    }

    private void markDecisionMessage(StoredDocument src, Decision d) {
        for (Message m : messages(src)) if (m.at().equals(d.decidedAt())) shown.add(key(src, m));
    }

    /**
     * "; confirmed by X, 9 h ago: "…"" for each reply in the window after {@code d} and before the
     * thread's next decision (a reply answers the decision nearest before it).
     */
    private String followUps(StoredDocument src, Decision d, List<Decision> sameThreads) {
        Instant next = sameThreads.stream().filter(o -> o.docId().equals(d.docId()) && o.decidedAt() != null && o.decidedAt().isAfter(d.decidedAt()))
                .map(Decision::decidedAt).min(Comparator.naturalOrder()).orElse(Instant.MAX);
        StringBuilder sb = new StringBuilder();
        for (Message m : messages(src)) {
            if (!m.at().isAfter(d.decidedAt()) || !m.at().isBefore(next) || !inWindow(m.at()) || shown.contains(key(src, m))) continue;
            if (Chatter.isChatter(m.text())) continue;
            shown.add(key(src, m));
            sb.append("; ").append(DecisionFollowUp.of(m.text()).verb()).append(" by ").append(people.name(m.author())).append(", ")
                    .append(time.ago(m.at())).append(mentioning(m)).append(": \"").append(quote(m.text())).append('"');
        }
        return sb.toString();
    }

    /**
     * Replies inside the window to threads that started before it (news about an old thread, quoted as
     * the reply), one item per thread; scratchpad threads have their own section.
     */
    void replies(FactSheet sheet, String section, List<StoredDocument> threads, Predicate<StoredDocument> inScope) {
        for (StoredDocument t : threads) {
            Document doc = t.document();
            if (t.truth() == TruthLevel.SCRATCHPAD || !inScope.test(t) || doc.createdAt() == null || inWindow(doc.createdAt())) continue;
            List<String> quotes = new ArrayList<>();
            for (Message m : messages(t)) {
                if (m.index() == 0 || !inWindow(m.at()) || shown.contains(key(t, m)) || Chatter.isChatter(m.text())) continue;
                shown.add(key(t, m));
                quotes.add(people.name(m.author()) + ", " + time.ago(m.at()) + mentioning(m) + ": \"" + quote(m.text()) + "\"");
            }
            if (quotes.isEmpty()) continue;
            sheet.add(section, "New " + (quotes.size() == 1 ? "reply" : quotes.size() + " replies") + " in " + channel(t) + " on \""
                    + topic(t) + "\" (thread from " + time.age(doc.createdAt()) + "): " + String.join("; ", quotes) + ".", t);
        }
    }

    /**
     * Threads started inside the window by the audience or about its work, not chatter and not already
     * shown (a decision, a mention), at most {@code max}: ranked below every fact.
     */
    void newThreads(FactSheet sheet, String section, List<StoredDocument> threads, Predicate<StoredDocument> inScope, int max) {
        int added = 0;
        for (StoredDocument t : threads) {
            if (added >= max) return;
            Document doc = t.document();
            if (t.truth() == TruthLevel.SCRATCHPAD || !inScope.test(t) || !inWindow(doc.createdAt())) continue;
            List<Message> ms = messages(t);
            if (ms.isEmpty() || shown.contains(key(t, ms.get(0))) || Chatter.isChatter(ms.get(0).text())) continue;
            shown.add(key(t, ms.get(0)));
            int replies = ms.size() - 1;
            sheet.add(section, people.name(ms.get(0).author()) + " in " + channel(t) + ", " + time.ago(ms.get(0).at()) + ": \""
                    + quote(ms.get(0).text()) + "\"" + (replies > 0 ? " (" + replies + (replies == 1 ? " reply)" : " replies)") : ""), t);
            added++;
        }
    }

    /**
     * Slack messages inside the window that mention someone of the audience, said as who mentioned
     * whom ("Tomás Ibarra mentioned you in #rnk-team, 9 h ago: …"); nobody is told they mentioned
     * themselves, and a message already shown above is not repeated.
     */
    void mentions(FactSheet sheet, String section, List<StoredDocument> threads) {
        for (StoredDocument t : threads) {
            for (Message m : messages(t)) {
                if (!inWindow(m.at()) || shown.contains(key(t, m))) continue;
                List<String> mentioned = m.mentions().stream().filter(who.identities()::contains).filter(i -> !i.equals(m.author()))
                        .filter(i -> !(who.personal() && who.identities().contains(m.author()))).toList();
                if (mentioned.isEmpty()) continue;
                shown.add(key(t, m));
                sheet.add(section, people.name(m.author()) + " mentioned " + whom(mentioned) + " in " + channel(t) + ", " + time.ago(m.at())
                        + ": \"" + quote(m.text()) + "\"", t);
            }
        }
    }

    /** ", mentioning you" / ", mentioning Maya Okafor" when the message names someone of the audience. */
    private String mentioning(Message m) {
        List<String> mentioned = m.mentions().stream().filter(who.identities()::contains).filter(i -> !i.equals(m.author())).toList();
        return mentioned.isEmpty() ? "" : ", mentioning " + whom(mentioned);
    }

    private String whom(List<String> identities) {
        if (who.personal()) return "you";
        return String.join(" and ", identities.stream().map(people::name).distinct().toList());
    }

    private static String key(StoredDocument t, Message m) {
        return t.id() + "#" + m.index();
    }

    /** "#rnk-team" for a Slack thread, else the document's title. */
    public static String channel(StoredDocument t) {
        String c = t.document().property(PropertyKey.CHANNEL);
        return c == null ? t.document().title() : "#" + c;
    }

    /** A thread's opening words without its channel prefix ("Retrieval for the reranker launch: …"), cut to 80 characters. */
    public static String topic(StoredDocument t) {
        String title = t.document().title();
        int colon = title.indexOf(": ");
        String topic = title.startsWith("#") && colon > 0 ? title.substring(colon + 2) : title;
        return topic.length() > 80 ? topic.substring(0, 79).stripTrailing() + "…" : topic;
    }

    /** The text on one line, cut to a readable length with an ellipsis. */
    public static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > QUOTE_MAX ? t.substring(0, QUOTE_MAX - 1).stripTrailing() + "…" : t;
    }
}
