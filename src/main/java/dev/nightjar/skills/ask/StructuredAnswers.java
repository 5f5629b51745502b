package dev.nightjar.skills.ask;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Humanize;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questions answered from the store's structure rather than by keywords: who is blocked (every open
 * BLOCKS chain, with the blocker's pull request and its review state), what changed in a time window
 * (reviews, runs, merges, new replies quoted as the reply, mentions with who mentioned whom, comments,
 * decisions; by source time), the decisions of a window or of a person, and who works on what.
 */
final class StructuredAnswers {

    static final String BLOCKED = "Blocked now", REVIEWS = "Reviews", RUNS = "Experiments", MERGED = "Merged",
            CONVERSATIONS = "Conversations", ISSUES = "Issues", DECISIONS = "Decisions", WORK = "Who works on what";
    private static final int LIST_MAX = 8;

    private final Corpus corpus;
    private final PeopleDirectory people;
    private final Instant now;
    private final ZoneId zone;

    StructuredAnswers(Corpus corpus, PeopleDirectory people, Instant now, ZoneId zone) {
        this.corpus = corpus;
        this.people = people;
        this.now = now;
        this.zone = zone;
    }

    /** Every unfinished issue held up by an unfinished blocker, as chains from the most downstream issue. */
    String blocked(FactSheet sheet) {
        List<StoredDocument> open = corpus.select(q -> q.blocked(DocumentKind.LINEAR_ISSUE, null)).stream()
                .filter(d -> !d.document().stateType().isFinished()).toList();
        Neighborhood n = new Neighborhood();
        open.forEach(d -> n.issues.put(d.id(), d));
        new Gatherer(corpus, null, people).aroundIssues(n);
        int before = sheet.facts().size();
        new StatusComposer(corpus, people, now, zone).blockers(sheet, n, BLOCKED);
        int chains = sheet.facts().size() - before;
        long blocked = n.blockedBy.keySet().size();
        return chains == 0 ? "Nothing is blocked right now." : blocked + (blocked == 1 ? " issue is" : " issues are") + " blocked, in "
                + chains + (chains == 1 ? " chain." : " chains.");
    }

    /** What changed between {@code since} and now, by source time, most telling first. */
    String recent(FactSheet sheet, Instant since, String window) {
        List<StoredDocument> changed = corpus.select(q -> q.updatedBetween(since, now));
        Map<String, String> reviewOf = new LinkedHashMap<>();
        List<String> reviewIds = changed.stream().filter(d -> DocumentKind.GITHUB_REVIEW.is(d.document().id())).map(StoredDocument::id).toList();
        for (Link l : corpus.linksFrom(reviewIds, LinkType.COMMENT_ON)) reviewOf.put(l.from().toString(), l.to());
        Map<String, StoredDocument> prs = Corpus.byId(corpus.findAll(reviewOf.values()));
        int count = 0;
        for (StoredDocument r : changed) {
            if (!DocumentKind.GITHUB_REVIEW.is(r.document().id())) continue;
            String state = r.document().state();
            if (!"changes_requested".equals(state) && !"approved".equals(state)) continue;
            StoredDocument pr = prs.get(reviewOf.get(r.id()));
            String what = pr == null ? r.document().title() : "#" + pr.document().properties().getOrDefault(PropertyKey.NUMBER.key(), "") + " " + pr.document().title();
            sheet.add(REVIEWS, people.displayName(r.document().author()) + ("approved".equals(state) ? " approved " : " requested changes on ")
                    + what + " " + ago(r) + quote(r.document().body()), pr == null ? new StoredDocument[]{r} : new StoredDocument[]{pr, r});
            count++;
        }
        for (StoredDocument run : changed) {
            if (!DocumentKind.WANDB_RUN.is(run.document().id())) continue;
            String state = run.document().state();
            String notes = run.document().properties().getOrDefault(PropertyKey.NOTES.key(), "");
            sheet.add(RUNS, "Run " + run.document().title() + " " + state + ("running".equals(state) ? " (last heartbeat " + ago(run) + ")" : " " + ago(run))
                    + (notes.isBlank() ? "." : ": " + notes), run);
            count++;
        }
        for (StoredDocument pr : changed) {
            String mergedAt = pr.document().property(PropertyKey.MERGED_AT);
            if (!DocumentKind.GITHUB_PR.is(pr.document().id()) || pr.document().stateType() != DocumentState.MERGED || mergedAt == null) continue;
            if (Instant.parse(mergedAt).isBefore(since)) continue; // touched in the window, merged before it: not news
            sheet.add(MERGED, "Merged #" + pr.document().properties().getOrDefault(PropertyKey.NUMBER.key(), "") + " " + pr.document().title() + " ("
                    + people.displayName(pr.document().author()) + ", " + Humanize.ago(Instant.parse(mergedAt), now, zone) + ").", pr);
            count++;
        }
        count += conversations(sheet, changed, since);
        int issues = 0;
        for (StoredDocument i : changed) {
            if (!i.document().id().kind().equals("comment") || !i.document().id().source().equals("linear") || issues >= LIST_MAX) continue;
            sheet.add(ISSUES, "Comment on " + i.document().title().replaceFirst("^Comment on ", "") + " by " + people.displayName(i.document().author())
                    + " " + ago(i) + quote(i.document().body()), i);
            issues++;
        }
        count += issues;
        return count == 0 ? "Nothing changed " + window + "." : count + " changes " + window + ", newest first within each kind.";
    }

    /** Slack threads and messages of the window: a new reply to an old thread is quoted as the reply; mentions say who mentioned whom. */
    private int conversations(FactSheet sheet, List<StoredDocument> changed, Instant since) {
        List<StoredDocument> slack = changed.stream().filter(d -> d.document().id().source().equals("slack")).toList();
        Map<String, List<String>> mentioned = new LinkedHashMap<>();
        for (Link l : corpus.linksFrom(slack.stream().map(StoredDocument::id).toList(), LinkType.MENTIONS)) {
            mentioned.computeIfAbsent(l.from().toString(), k -> new ArrayList<>()).add(l.to().replaceFirst("^person:", ""));
        }
        List<StoredDocument> ranked = new ArrayList<>(slack);
        // facts before chatter: a mention or a reply to a decision thread before a lone message without links
        ranked.sort(Comparator.comparing((StoredDocument d) -> mentioned.containsKey(d.id()) || replies(d) > 0 ? 0 : 1));
        int shown = 0;
        for (StoredDocument d : ranked) {
            if (shown >= LIST_MAX) break;
            String channel = "#" + d.document().properties().getOrDefault(PropertyKey.CHANNEL.key(), "?");
            String[] last = lastMessage(d.document().body());
            boolean oldThread = replies(d) > 0 && d.document().createdAt() != null && d.document().createdAt().isBefore(since);
            List<String> whom = mentioned.getOrDefault(d.id(), List.of()).stream().map(people::displayName).distinct().toList();
            String text;
            if (oldThread) {
                text = "New reply in " + channel + " to \"" + firstLine(d.document().body()) + "\" (thread started " + Humanize.ago(d.document().createdAt(), now, zone)
                        + ") by " + last[0] + ", " + ago(d) + ": \"" + last[1] + "\"";
            } else if (!whom.isEmpty()) {
                text = people.displayName(d.document().author()) + " mentioned " + String.join(", ", whom) + " in " + channel + " " + ago(d) + ": \"" + last[1] + "\"";
            } else {
                text = last[0] + " in " + channel + " " + ago(d) + ": \"" + last[1] + "\"";
            }
            sheet.add(CONVERSATIONS, text + (text.endsWith(".") ? "" : "."), d);
            shown++;
        }
        return shown;
    }

    /** Decisions taken in the window (by when they were decided, not when their thread last moved), or of one person. */
    String decisions(FactSheet sheet, List<Decision> decisions, Instant since, String personEmail, String window) {
        List<Decision> chosen = decisions.stream()
                .filter(d -> since == null || !d.decidedAt().isBefore(since))
                .filter(d -> personEmail == null || decidedBy(d, personEmail))
                .sorted(Comparator.comparing(Decision::decidedAt).reversed()).toList();
        Map<String, StoredDocument> sources = Corpus.byId(corpus.findAll(chosen.stream().map(Decision::docId).toList()));
        int shown = 0;
        for (Decision d : chosen) {
            StoredDocument src = sources.get(d.docId());
            if (src == null || src.superseded() || shown >= LIST_MAX) continue;
            sheet.add(DECISIONS, "Decision: " + d.text() + (d.why() == null ? " (no reason given)" : "; why: " + d.why()) + " ("
                    + who(d.who()) + ", " + Humanize.ago(d.decidedAt(), now, zone) + ").", src);
            shown++;
        }
        if (shown > 0) return shown + (shown == 1 ? " decision" : " decisions") + " " + window + ".";
        return "No new decisions " + window + ".";
    }

    /** Unfinished issues with an assignee, grouped by person; {@code teamKey} narrows to one Linear team. */
    String workingOn(FactSheet sheet, String teamKey) {
        String teamPrefix = teamKey == null ? null : teamKey + "-";
        List<StoredDocument> issues = corpus.select(q -> q.inState(DocumentKind.LINEAR_ISSUE, DocumentState.IN_PROGRESS, teamPrefix, null));
        Map<String, List<StoredDocument>> byPerson = new LinkedHashMap<>();
        for (StoredDocument d : issues) {
            String assignee = d.document().property(PropertyKey.ASSIGNEE);
            if (assignee != null) byPerson.computeIfAbsent(assignee, k -> new ArrayList<>()).add(d);
        }
        List<StoredDocument> blockedOpen = corpus.select(q -> q.blocked(DocumentKind.LINEAR_ISSUE, teamPrefix)).stream()
                .filter(d -> d.document().stateType() == DocumentState.OPEN).toList();
        for (StoredDocument d : blockedOpen) {
            String assignee = d.document().property(PropertyKey.ASSIGNEE);
            if (assignee != null) byPerson.computeIfAbsent(assignee, k -> new ArrayList<>()).add(d);
        }
        // per person: urgent and blocked work first (Linear priority 1 = urgent; 0 = none, last), then the latest
        byPerson.values().forEach(list -> list.sort(Comparator.comparingInt(StructuredAnswers::priority).thenComparing(Canon::updated, Comparator.reverseOrder())));
        byPerson.forEach((person, list) -> sheet.add(WORK, person + ": " + String.join("; ", list.stream().limit(4)
                .map(d -> d.document().id().key() + " " + d.document().title() + " (" + StatusComposer.stateName(d.document()) + ")").toList())
                + (list.size() > 4 ? "; and " + (list.size() - 4) + " more" : "") + ".", list.stream().limit(4).toArray(StoredDocument[]::new)));
        return byPerson.isEmpty() ? "No one has an issue in progress." : byPerson.size() + " people have work in progress"
                + (teamKey == null ? "" : " in " + teamKey) + ".";
    }

    private static int priority(StoredDocument d) {
        try {
            int p = Integer.parseInt(d.document().properties().getOrDefault(PropertyKey.PRIORITY.key(), "0"));
            return p == 0 ? 5 : p;
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private boolean decidedBy(Decision d, String email) {
        if (d.who() == null) return false;
        if (d.who().contains(":")) return people.emailOf(d.who()).map(email::equalsIgnoreCase).orElse(false);
        return people.identitiesOf(email).stream().map(people::displayName).anyMatch(n -> n.equalsIgnoreCase(d.who()));
    }

    private String who(String who) {
        if (who == null) return "someone";
        return who.contains(":") ? people.displayName(who) : who;
    }

    private String ago(StoredDocument d) {
        return Humanize.ago(Canon.updated(d), now, zone);
    }

    private static int replies(StoredDocument d) {
        try {
            return Integer.parseInt(d.document().properties().getOrDefault(PropertyKey.REPLY_COUNT.key(), "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The last "Name: text" message of a Slack body. */
    static String[] lastMessage(String body) {
        String[] parts = body == null ? new String[0] : body.strip().split("\\n\\n");
        String last = parts.length == 0 ? "" : parts[parts.length - 1];
        int colon = last.indexOf(": ");
        String who = colon > 0 && colon < 40 ? last.substring(0, colon) : "someone";
        String text = colon > 0 && colon < 40 ? last.substring(colon + 2) : last;
        return new String[]{who, shorten(text.replaceAll("\\s+", " ").strip(), 240)};
    }

    private static String firstLine(String body) {
        String first = body == null ? "" : body.strip().split("\\n\\n")[0];
        int colon = first.indexOf(": ");
        if (colon > 0 && colon < 40) first = first.substring(colon + 2);
        return shorten(first.replaceAll("\\s+", " ").strip(), 90);
    }

    private static String quote(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return b.isEmpty() ? "." : ": \"" + shorten(b, 200) + "\".";
    }

    private static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1).stripTrailing() + "…" : s;
    }
}
