package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub REST JSON → documents, links and people. Ids: {@code github:pr:o/r#n}, {@code github:issue:o/r#n},
 * {@code github:commit:o/r@sha}, {@code github:review:o/r#n/<id>}, {@code github:comment:o/r#n/<id>}.
 * Pure; unknown fields are ignored; a record without what a document needs is a
 * {@link MalformedRecordException}.
 */
final class GitHubNormalizer implements Normalizer {

    /** {@code @login} in Markdown text; not an e-mail address or a path (no word character or slash before it). */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w/@.])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\\w/])");

    @Override
    public Normalized normalize(SourceRecord record) {
        String repo = record.container();
        if (repo == null || repo.isBlank()) throw new MalformedRecordException("github record without a repository: " + record.stream());
        JsonNode json = record.json();
        if (json == null || !json.isObject()) throw new MalformedRecordException(record.stream() + ": record is not a JSON object");
        return switch (StreamKind.ofStream(record.stream())) {
            case PULLS -> pull(repo, json);
            case ISSUES -> json.has("pull_request") ? Normalized.empty() : issue(repo, json);
            case COMMITS -> commit(repo, json);
            case REVIEWS -> review(repo, json);
            case COMMENTS -> comment(repo, json, "issue_comment", text(json, "issue_url"));
            case REVIEW_COMMENTS -> comment(repo, json, "review_comment", text(json, "pull_request_url"));
        };
    }

    private Normalized pull(String repo, JsonNode pr) {
        int number = number(pr, "pull request");
        DocumentId id = DocumentId.of("github", "pr", repo + "#" + number);
        Acc acc = new Acc(id);
        String author = acc.user(pr.path("user"));
        String branch = text(pr.path("head"), "ref");
        String headSha = text(pr.path("head"), "sha");
        String mergedAt = text(pr, "merged_at");
        String mergeSha = text(pr, "merge_commit_sha");
        boolean merged = mergedAt != null || pr.path("merged").asBoolean(false);
        for (JsonNode a : iter(pr.path("assignees"))) acc.person(a, LinkType.ASSIGNED_TO);
        if (pr.path("assignees").isEmpty()) acc.person(pr.path("assignee"), LinkType.ASSIGNED_TO);
        for (JsonNode r : iter(pr.path("requested_reviewers"))) acc.person(r, LinkType.MENTIONS);
        acc.links.addAll(IssueKeyLinks.links(id, text(pr, "title"), IssueKeyLinks.branch(branch), text(pr, "body")));
        acc.mentions(text(pr, "body"));
        if (headSha != null) acc.links.add(Link.toCommit(id, headSha));
        if (merged && mergeSha != null) acc.links.add(Link.toCommit(id, mergeSha));

        Map<String, String> props = new LinkedHashMap<>();
        props.put("repo", repo);
        props.put("number", Integer.toString(number));
        put(props, "branch", branch);
        put(props, "base", text(pr.path("base"), "ref"));
        props.put("draft", Boolean.toString(pr.path("draft").asBoolean(false)));
        props.put("merged", Boolean.toString(merged));
        put(props, "merged_at", mergedAt);
        put(props, "merge_commit_sha", mergeSha);
        put(props, "head_sha", headSha);
        put(props, "closed_at", text(pr, "closed_at"));

        String state = merged ? "merged" : lower(required(pr, "state", "pull request"));
        Document doc = base(id, pr, "pull request", acc, author)
                .title(text(pr, "title")).body(text(pr, "body")).state(state)
                .labels(labels(pr)).properties(props).build();
        return acc.result(doc);
    }

    private Normalized issue(String repo, JsonNode issue) {
        int number = number(issue, "issue");
        DocumentId id = DocumentId.of("github", "issue", repo + "#" + number);
        Acc acc = new Acc(id);
        String author = acc.user(issue.path("user"));
        for (JsonNode a : iter(issue.path("assignees"))) acc.person(a, LinkType.ASSIGNED_TO);
        if (issue.path("assignees").isEmpty()) acc.person(issue.path("assignee"), LinkType.ASSIGNED_TO);
        acc.links.addAll(IssueKeyLinks.links(id, text(issue, "title"), text(issue, "body")));
        acc.mentions(text(issue, "body"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("repo", repo);
        props.put("number", Integer.toString(number));
        put(props, "state_reason", text(issue, "state_reason"));
        put(props, "closed_at", text(issue, "closed_at"));
        put(props, "milestone", text(issue.path("milestone"), "title"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (issue.path("comments").isNumber()) metrics.put("comments", issue.path("comments").asDouble());
        Document doc = base(id, issue, "issue", acc, author)
                .title(text(issue, "title")).body(text(issue, "body"))
                .state(lower(required(issue, "state", "issue")))
                .labels(labels(issue)).properties(props).metrics(metrics).build();
        return acc.result(doc);
    }

    private Normalized commit(String repo, JsonNode c) {
        String sha = required(c, "sha", "commit");
        DocumentId id = DocumentId.of("github", "commit", repo + "@" + sha);
        Acc acc = new Acc(id);
        JsonNode gitAuthor = c.path("commit").path("author");
        String message = text(c.path("commit"), "message");
        if (message == null) throw new MalformedRecordException("commit " + sha + " has no commit.message");
        // the git author's e-mail belongs to the GitHub account GitHub matched it to (if any)
        String author = acc.user(c.path("author"), text(gitAuthor, "email"), text(gitAuthor, "name"));
        acc.links.addAll(IssueKeyLinks.links(id, message));
        acc.links.add(Link.toCommit(id, sha));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("repo", repo);
        props.put("sha", sha);
        put(props, "author_name", text(gitAuthor, "name"));
        put(props, "author_email", text(gitAuthor, "email"));
        String url = text(c, "html_url");
        if (url == null) throw new MalformedRecordException("commit " + sha + " has no html_url");
        Document doc = Document.builder(id).url(url)
                .title(message.lines().findFirst().orElse("")).body(message)
                .author(author).participants(acc.participants())
                .createdAt(StreamKind.instant(gitAuthor.path("date")))
                .updatedAt(StreamKind.instant(c.path("commit").path("committer").path("date")))
                .properties(props).rawJson(c.toString()).build();
        return acc.result(doc);
    }

    private Normalized review(String repo, JsonNode r) {
        String reviewId = required(r, "id", "review");
        int number = numberFromUrl(text(r, "pull_request_url"), "review " + reviewId);
        DocumentId pr = DocumentId.of("github", "pr", repo + "#" + number);
        DocumentId id = DocumentId.of("github", "review", repo + "#" + number + "/" + reviewId);
        Acc acc = new Acc(id);
        String author = acc.user(r.path("user"));
        String state = lower(required(r, "state", "review"));
        acc.links.add(Link.toDocument(id, LinkType.COMMENT_ON, pr));
        acc.links.addAll(IssueKeyLinks.links(id, text(r, "body")));
        acc.mentions(text(r, "body"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("repo", repo);
        props.put("number", Integer.toString(number));
        props.put("review_state", state);
        put(props, "commit_id", text(r, "commit_id"));
        String url = text(r, "html_url");
        if (url == null) throw new MalformedRecordException("review " + reviewId + " has no html_url");
        Instant submitted = StreamKind.instant(r.path("submitted_at"));
        Document doc = Document.builder(id).url(url)
                .title("Review (" + state.replace('_', ' ') + ") of " + repo + "#" + number)
                .body(text(r, "body")).author(author).participants(acc.participants())
                .createdAt(submitted).updatedAt(submitted).state(state)
                .properties(props).rawJson(r.toString()).build();
        return acc.result(doc);
    }

    /** Conversation comments (on issues and PRs alike) and diff comments. */
    private Normalized comment(String repo, JsonNode c, String commentKind, String parentApiUrl) {
        String commentId = required(c, "id", "comment");
        int number = numberFromUrl(parentApiUrl, "comment " + commentId);
        String url = text(c, "html_url");
        if (url == null) throw new MalformedRecordException("comment " + commentId + " has no html_url");
        // GitHub serves PR conversation comments from the issues API; the page URL tells them apart
        boolean onPr = commentKind.equals("review_comment") || url.contains("/pull/");
        DocumentId parent = DocumentId.of("github", onPr ? "pr" : "issue", repo + "#" + number);
        DocumentId id = DocumentId.of("github", "comment", repo + "#" + number + "/" + commentId);
        Acc acc = new Acc(id);
        String author = acc.user(c.path("user"));
        acc.links.add(Link.toDocument(id, LinkType.COMMENT_ON, parent));
        acc.links.addAll(IssueKeyLinks.links(id, text(c, "body")));
        acc.mentions(text(c, "body"));
        Map<String, String> props = new LinkedHashMap<>();
        props.put("repo", repo);
        props.put("number", Integer.toString(number));
        props.put("comment_kind", commentKind);
        put(props, "path", text(c, "path"));
        put(props, "commit_id", text(c, "commit_id"));
        put(props, "in_reply_to_id", text(c, "in_reply_to_id"));
        Document doc = base(id, c, "comment", acc, author)
                .title("Comment on " + repo + "#" + number).body(text(c, "body")).properties(props).build();
        return acc.result(doc);
    }

    // ---- helpers ----

    private static Document.Builder base(DocumentId id, JsonNode json, String what, Acc acc, String author) {
        String url = text(json, "html_url");
        if (url == null) throw new MalformedRecordException(what + " " + id + " has no html_url");
        Instant created = StreamKind.instant(json.path("created_at"));
        Instant updated = StreamKind.instant(json.path("updated_at"));
        if (created == null || updated == null) {
            throw new MalformedRecordException(what + " " + id + " lacks created_at/updated_at");
        }
        return Document.builder(id).url(url).author(author).participants(acc.participants())
                .createdAt(created).updatedAt(updated).rawJson(json.toString());
    }

    private static int number(JsonNode json, String what) {
        JsonNode n = json.path("number");
        if (!n.canConvertToInt()) throw new MalformedRecordException(what + " without a number: id " + json.path("id").asText("?"));
        return n.asInt();
    }

    /** The trailing number of {@code .../issues/12} or {@code .../pulls/12}. */
    private static int numberFromUrl(String apiUrl, String what) {
        if (apiUrl != null) {
            String tail = apiUrl.substring(apiUrl.lastIndexOf('/') + 1);
            try {
                return Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new MalformedRecordException(what + " does not say which issue or PR it belongs to");
    }

    private static String required(JsonNode json, String field, String what) {
        String value = text(json, field);
        if (value == null) throw new MalformedRecordException(what + " without '" + field + "': " + abbreviate(json));
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json == null ? null : json.get(field);
        if (v == null || v.isNull() || v.isMissingNode() || v.isContainerNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    private static List<String> labels(JsonNode json) {
        List<String> labels = new ArrayList<>();
        for (JsonNode l : iter(json.path("labels"))) {
            String name = l.isTextual() ? l.asText() : text(l, "name");
            if (name != null) labels.add(name);
        }
        return labels;
    }

    private static Iterable<JsonNode> iter(JsonNode array) {
        return array != null && array.isArray() ? array : List.of();
    }

    private static void put(Map<String, String> props, String key, String value) {
        if (value != null) props.put(key, value);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(JsonNode json) {
        String s = json.toString();
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** Collects the people, participants and links of one document. */
    private static final class Acc {
        final DocumentId id;
        final List<Link> links = new ArrayList<>();
        final Map<String, PersonIdentity> people = new LinkedHashMap<>();
        final LinkedHashSet<String> participants = new LinkedHashSet<>();

        Acc(DocumentId id) {
            this.id = id;
        }

        /** Records a GitHub user and returns its identity ({@code github:login}), or null for none. */
        String user(JsonNode user) {
            return user(user, null, null);
        }

        String user(JsonNode user, String email, String name) {
            String login = text(user, "login");
            if (login == null) return null;
            PersonIdentity known = people.get(login);
            if (known == null || (known.email() == null && email != null)) {
                people.put(login, new PersonIdentity("github", login, email, name != null ? name : text(user, "name"), null));
            }
            String identity = "github:" + login;
            participants.add(identity);
            return identity;
        }

        void person(JsonNode user, LinkType type) {
            String identity = user(user);
            if (identity != null) links.add(Link.toPerson(id, type, identity));
        }

        /** {@code @login} mentions become MENTIONS links; the person's identity is known from the login alone. */
        void mentions(String text) {
            if (text == null) return;
            Matcher m = MENTION.matcher(text);
            while (m.find()) {
                Link link = Link.toPerson(id, LinkType.MENTIONS, "github:" + m.group(1));
                if (!links.contains(link)) links.add(link);
            }
        }

        List<String> participants() {
            return List.copyOf(participants);
        }

        Normalized result(Document doc) {
            return new Normalized(List.of(doc), links, List.copyOf(people.values()), List.of());
        }
    }
}
