package dev.nightjar.skills.ask;

import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.DocumentState;
import dev.nightjar.model.PropertyKey;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.brief.PullRequests;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.truth.CanonicalFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Who owns X?", "who is responsible for X?", "who is working on RNK-130?": who answers for the subject, from
 * the systems that record it, each cited, ahead of the usual status.
 * <ul>
 *   <li>a Linear project or initiative: its lead (Linear's {@code lead});</li>
 *   <li>a Linear issue: its assignee, and the author and requested reviewers of each open pull request naming it;</li>
 *   <li>a pull request named in the question ({@code #55}, {@code repo#55}, {@code owner/repo#55}): its author and
 *       requested reviewers;</li>
 *   <li>for a project, an initiative or a free topic, the canonical documents the walk reached: the owner they name
 *       (an Owner property, else an unscoped "Owner:" line, as {@link CanonicalFacts#owners}), else their author.</li>
 * </ul>
 * A section's owner ("Fallback … owner Maya Okafor") is not the document's owner and is left to the plan section.
 */
final class Owners {

    static final String SECTION = "Owner";
    /** A pull request as a question names one: {@code #55}, {@code search-ranker#55}, {@code kestrel/search-ranker#55}. */
    private static final Pattern PULL_REQUEST = Pattern.compile("(?:(?:[\\w.-]+/)?([\\w.-]+))?#(\\d+)\\b");
    /** "PR 55", "pull request 55": a number named as a pull request without its # (a trial finding). */
    private static final Pattern PULL_REQUEST_WORDS = Pattern.compile("(?i)\\b(?:pr|pull request)\\s+(\\d+)\\b");

    private final Corpus corpus;
    private final PeopleDirectory people;

    Owners(Corpus corpus, PeopleDirectory people) {
        this.corpus = corpus;
        this.people = people;
    }

    /** One owner as the headline names them: who, in what role, on which citation. */
    private record Owner(String who, String role, int citation) {
        String text() {
            return who + " (" + role + ") [" + citation + "]";
        }
    }

    /**
     * Adds the owner facts to {@code sheet} (section {@link #SECTION}) and returns the headline that opens the
     * answer: "Owner: Maya Okafor (lead of the Linear project Neural reranker launch) [8]; …", or null when the
     * store records no owner of the subject.
     *
     * @param topic the question's topic as typed, for a pull request named in it
     */
    String state(FactSheet sheet, Subject subject, String topic, Neighborhood n) {
        List<Owner> owners = new ArrayList<>();
        // the subject's own record; a free topic's hits and a person's projects are not the subject, so not their leads
        boolean planned = List.of("project", "initiative", "issue").contains(subject.kind());
        for (StoredDocument d : planned ? n.planning : List.<StoredDocument>of()) {
            Document doc = d.document();
            if (doc.id().kind().equals("issue")) issue(sheet, d, n, owners);
            else planning(sheet, d, owners);
        }
        List<StoredDocument> prs = namedPullRequests(topic);
        for (StoredDocument pr : prs) pullRequest(sheet, pr, owners);
        // an issue's or a pull request's owners are its people (the PRD its walk reaches belongs to the project), and a
        // person owns no canonical document by being asked about
        if (prs.isEmpty() && !List.of("issue", "person").contains(subject.kind())) {
            for (StoredDocument d : new Canon(n.all()).current()) canonical(sheet, d, owners);
        }
        if (owners.isEmpty()) return null;
        Map<String, Owner> byWho = new LinkedHashMap<>(); // each person once, in their first (strongest) role
        owners.forEach(o -> byWho.putIfAbsent(o.who(), o));
        return "Owner: " + String.join("; ", byWho.values().stream().map(Owner::text).toList()) + ".";
    }

    private void planning(FactSheet sheet, StoredDocument d, List<Owner> owners) {
        Document doc = d.document();
        String what = "the Linear " + doc.id().kind() + " " + doc.title();
        // Linear names the person of a project its lead and the person of an initiative its owner (PlanningMapper)
        boolean initiative = doc.is(DocumentKind.LINEAR_INITIATIVE);
        String role = initiative ? "owner" : "lead";
        String person = doc.properties().get(role);
        if (person == null || person.isBlank()) {
            sheet.add(SECTION, capital(what) + " has no " + role + " set in Linear.", d);
            return;
        }
        sheet.add(SECTION, person + (initiative ? " owns " : " leads ") + what + ".", d);
        owners.add(new Owner(person, role + " of " + what, sheet.cite(d)));
    }

    private void issue(FactSheet sheet, StoredDocument d, Neighborhood n, List<Owner> owners) {
        Document doc = d.document();
        String assignee = doc.property(PropertyKey.ASSIGNEE);
        String what = doc.id().key() + " " + doc.title();
        if (assignee == null || assignee.isBlank()) {
            sheet.add(SECTION, what + " is unassigned in Linear.", d);
        } else {
            sheet.add(SECTION, what + " is assigned to " + assignee + ".", d);
            owners.add(new Owner(assignee, "assignee of " + doc.id().key(), sheet.cite(d)));
        }
        for (String prId : n.prsOfIssue.getOrDefault(d.id(), List.of())) {
            StoredDocument pr = n.prs.get(prId);
            if (pr != null && pr.document().stateType() == DocumentState.OPEN) pullRequest(sheet, pr, owners);
        }
    }

    private void pullRequest(FactSheet sheet, StoredDocument pr, List<Owner> owners) {
        Document doc = pr.document();
        String number = "#" + doc.properties().getOrDefault(PropertyKey.NUMBER.key(), doc.id().key());
        String author = doc.author() == null ? null : people.displayName(doc.author());
        List<String> reviewers = PullRequests.requestedReviewers(doc).stream().map(people::displayName).distinct().toList();
        String state = doc.state() == null ? "" : doc.state().replace('_', ' ') + " ";
        sheet.add(SECTION, capital(state) + "PR " + number + " " + doc.title() + ": opened by " + (author == null ? "an unknown author" : author)
                + (reviewers.isEmpty() ? "" : "; review requested from " + String.join(" and ", reviewers)) + ".", pr);
        int cited = sheet.cite(pr);
        if (author != null) owners.add(new Owner(author, "author of PR " + number, cited));
        reviewers.forEach(r -> owners.add(new Owner(r, "reviewer requested on PR " + number, cited)));
    }

    private void canonical(FactSheet sheet, StoredDocument d, List<Owner> owners) {
        String title = d.document().title();
        List<String> named = CanonicalFacts.owners(d);
        int cited = sheet.cite(d);
        if (!named.isEmpty()) {
            sheet.add(SECTION, String.join(" and ", named) + (named.size() == 1 ? " owns" : " own") + " the canonical " + title + ".", d);
            named.forEach(o -> owners.add(new Owner(o, "owner of the canonical " + title, cited)));
        } else if (d.document().author() != null) {
            String author = people.displayName(d.document().author());
            sheet.add(SECTION, "The canonical " + title + " names no owner; " + author + " wrote it.", d);
            owners.add(new Owner(author, "author of the canonical " + title, cited));
        }
    }

    /** The pull requests a topic names by number, as the reader may see them (every repository's, for a bare {@code #55}). */
    private List<StoredDocument> namedPullRequests(String topic) {
        List<StoredDocument> out = new ArrayList<>();
        Matcher m = PULL_REQUEST.matcher(topic == null ? "" : topic);
        while (m.find()) {
            String suffix = (m.group(1) == null ? "" : "/" + m.group(1)) + "#" + m.group(2);
            out.addAll(corpus.select(q -> q.idEndingWith(List.of(DocumentKind.GITHUB_PR), suffix)));
        }
        Matcher words = PULL_REQUEST_WORDS.matcher(topic == null ? "" : topic);
        while (words.find()) {
            String suffix = "#" + words.group(1);
            out.addAll(corpus.select(q -> q.idEndingWith(List.of(DocumentKind.GITHUB_PR), suffix)));
        }
        return List.copyOf(Corpus.byId(out).values());
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
