package dev.nightjar.skills.brief;

import dev.nightjar.model.PropertyKey;

import dev.nightjar.model.DocumentState;

import dev.nightjar.model.DocumentKind;

import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Fact;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Orders a brief's "Needs your action" and mentions by what matters, and says why each item sits where
 * it does. The rule is issue 17 §4 ("ordered by what matters: blocking others, asked directly,
 * waiting longest, urgent priority"), applied in that order:
 * <ol>
 *   <li>blocking others: how many people or unfinished issues wait on the item (the author of a pull
 *       request whose review is requested from the reader; the issues a cited Linear issue, or the issue
 *       a cited pull request references, blocks);</li>
 *   <li>asked directly: a review requested from the reader, or a mention whose quoted words ask a question;</li>
 *   <li>waiting longest: whole days since the ask was made, the newest record the item cites (the review
 *       that requested changes, not the pull request it is on); days, so the next criterion can still
 *       separate items asked the same day;</li>
 *   <li>urgent priority: a cited Linear issue of priority 1, "Urgent" in Linear's scale (0 none, 1 urgent,
 *       2 high, 3 medium, 4 low; Linear API {@code Issue.priority}).</li>
 * </ol>
 * Items equal on all four keep the order the brief gathered them in.
 */
public final class MorningRank {

    /** Linear's {@code priority} value for "Urgent". */
    static final int URGENT = 1;
    private static final Pattern QUOTED_QUESTION = Pattern.compile("\"[^\"]*\\?[^\"]*\"");

    private final Corpus corpus;
    private final Audience who;
    private final People people;
    private final Instant now;

    MorningRank(Corpus corpus, Audience who, People people, Instant now) {
        this.corpus = corpus;
        this.who = who;
        this.people = people;
        this.now = now;
    }

    /** Why an item ranks where it does; {@code waitingDays} is whole days since the ask. */
    record Signals(List<String> blocks, boolean askedDirectly, long waitingDays, boolean urgent) {

        String reason() {
            List<String> parts = new ArrayList<>();
            if (!blocks.isEmpty()) parts.add("blocks " + String.join(", ", blocks));
            if (askedDirectly) parts.add("asked directly");
            parts.add(waitingDays == 0 ? "waiting since today" : "waiting " + waitingDays + (waitingDays == 1 ? " day" : " days"));
            if (urgent) parts.add("urgent priority");
            return String.join("; ", parts);
        }
    }

    static final Comparator<Signals> ORDER = Comparator.<Signals>comparingInt(s -> s.blocks().size()).reversed()
            .thenComparing(Signals::askedDirectly, Comparator.reverseOrder())
            .thenComparing(Signals::waitingDays, Comparator.reverseOrder())
            .thenComparing(Signals::urgent, Comparator.reverseOrder());

    /** Reorders {@code section} of {@code sheet} by {@link #ORDER}, each item ending with its reason. */
    void rank(FactSheet sheet, String section) {
        List<Fact> facts = sheet.bySection().getOrDefault(section, List.of());
        if (facts.isEmpty()) return;
        record Ranked(Fact fact, Signals signals) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (Fact f : facts) ranked.add(new Ranked(f, signals(f, sheet)));
        ranked.sort(Comparator.comparing(Ranked::signals, ORDER)); // stable: ties keep the gathered order
        sheet.replaceSection(section, ranked.stream()
                .map(r -> new Fact(r.fact().section(), withReason(r.fact().text(), r.signals()), r.fact().citations())).toList());
    }

    private static String withReason(String text, Signals s) {
        String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return t + " (why here: " + s.reason() + ").";
    }

    Signals signals(Fact f, FactSheet sheet) {
        List<StoredDocument> docs = corpus.findAll(f.citations().stream().map(n -> sheet.citations().get(n - 1).docId()).toList());
        Set<String> blocks = new LinkedHashSet<>();
        boolean asked = QUOTED_QUESTION.matcher(f.text()).find();
        boolean urgent = false;
        Instant askedAt = null;
        List<String> issues = new ArrayList<>();
        for (StoredDocument d : docs) {
            DocumentKind kind = DocumentKind.of(d.document().id()).orElse(null);
            if (kind == DocumentKind.GITHUB_PR && DocumentState.of(d.document()) == DocumentState.OPEN
                    && PullRequests.requestedReviewers(d.document()).stream().anyMatch(who.identities()::contains)) {
                asked = true;
                blocks.add(people.name(d.document().author()));
            }
            if (kind == DocumentKind.LINEAR_ISSUE) issues.add(d.id());
            if (kind == DocumentKind.GITHUB_PR) {
                for (Link l : corpus.linksFrom(List.of(d.id()), LinkType.CLOSES, LinkType.REFERENCES)) {
                    if (l.to().startsWith(DocumentKind.LINEAR_ISSUE.prefix())) issues.add(l.to());
                }
            }
            Instant made = made(d);
            if (made != null && (askedAt == null || made.isAfter(askedAt))) askedAt = made;
        }
        for (StoredDocument issue : corpus.findAll(issues)) {
            String p = issue.document().property(PropertyKey.PRIORITY);
            if (p != null && p.matches("\\d+(\\.0+)?") && (int) Double.parseDouble(p) == URGENT) urgent = true;
        }
        Map<String, StoredDocument> blocked = Corpus.byId(corpus.findAll(
                corpus.linksFrom(issues, LinkType.BLOCKS).stream().map(Link::to).distinct().toList()));
        for (StoredDocument b : blocked.values()) {
            String s = b.document().state();
            if (s == null || !(s.equals("done") || s.equals("canceled"))) blocks.add(b.document().id().key());
        }
        long days = askedAt == null ? 0 : Math.max(0, Duration.between(askedAt, now).toDays());
        return new Signals(List.copyOf(blocks), asked, days, urgent);
    }

    /**
     * When the thing waiting was made: a Slack thread's latest message (a mention is news of its last
     * message, not of the thread's opening), else the record's creation at its source.
     */
    private static Instant made(StoredDocument d) {
        var doc = d.document();
        if (doc.id().source().equals("slack")) return doc.updatedAt() != null ? doc.updatedAt() : doc.createdAt();
        return doc.createdAt() != null ? doc.createdAt() : doc.updatedAt();
    }
}
