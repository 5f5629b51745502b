package dev.nightjar.connectors.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A small in-memory GitHub for one repository, serving the list endpoints the connector reads the way
 * GitHub does: {@code page}/{@code per_page} (max 100) with an absolute {@code Link} header
 * (next/last/prev/first), {@code since} (updated at or after), newest-first order, a strong ETag per
 * response and 304 for a matching {@code If-None-Match}. Items are made from the documented example
 * bodies in {@code src/test/resources/github/}, changing only ids, numbers, titles and times.
 * Faults can be queued per path; every request is recorded.
 */
final class FakeGitHub extends Dispatcher {

    static final ObjectMapper JSON = new ObjectMapper();

    final String repo;
    final List<ObjectNode> pulls = new CopyOnWriteArrayList<>();
    final List<ObjectNode> issues = new CopyOnWriteArrayList<>();
    final List<ObjectNode> comments = new CopyOnWriteArrayList<>();
    final List<ObjectNode> reviewComments = new CopyOnWriteArrayList<>();
    final List<ObjectNode> commits = new CopyOnWriteArrayList<>();
    final Map<Integer, List<ObjectNode>> reviews = new ConcurrentHashMap<>();
    final List<String> orgRepos = new CopyOnWriteArrayList<>();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    /** The status code answered to each of {@link #requests}, same order. */
    private final List<Integer> statuses = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> faults = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<HttpUrl> failWhen = u -> false;
    private volatile MockResponse failure;

    FakeGitHub(String repo) {
        this.repo = repo;
    }

    // ---- data ----

    ObjectNode addPull(int number, String title, String updatedAt) {
        ObjectNode pr = template("pull-request-simple-items.json");
        String web = "https://github.com/" + repo + "/pull/" + number;
        pr.put("id", 100000 + number).put("number", number).put("title", title).put("html_url", web)
                .put("url", "https://api.github.com/repos/" + repo + "/pulls/" + number)
                .put("state", "open").put("created_at", "2024-01-01T00:00:00Z").put("updated_at", updatedAt)
                .putNull("merged_at").putNull("closed_at");
        ((ObjectNode) pr.get("head")).put("ref", "feature-" + number).put("sha", sha("head" + number));
        pulls.add(pr);
        issues.add(prAsIssue(number, title, updatedAt));
        return pr;
    }

    ObjectNode addIssue(int number, String title, String updatedAt) {
        ObjectNode issue = template("issue-items.json");
        issue.remove("pull_request");
        issue.put("id", 200000 + number).put("number", number).put("title", title)
                .put("html_url", "https://github.com/" + repo + "/issues/" + number)
                .put("url", "https://api.github.com/repos/" + repo + "/issues/" + number)
                .put("created_at", "2024-01-01T00:00:00Z").put("updated_at", updatedAt);
        issues.add(issue);
        return issue;
    }

    private ObjectNode prAsIssue(int number, String title, String updatedAt) {
        ObjectNode issue = template("issue-items.json");
        issue.put("id", 100000 + number).put("number", number).put("title", title)
                .put("html_url", "https://github.com/" + repo + "/pull/" + number).put("updated_at", updatedAt);
        ((ObjectNode) issue.get("pull_request")).put("html_url", "https://github.com/" + repo + "/pull/" + number);
        return issue;
    }

    ObjectNode addComment(long id, int issueNumber, boolean onPr, String body, String updatedAt) {
        ObjectNode c = template("issue-comment-items.json");
        c.put("id", id).put("body", body).put("created_at", updatedAt).put("updated_at", updatedAt)
                .put("issue_url", "https://api.github.com/repos/" + repo + "/issues/" + issueNumber)
                .put("html_url", "https://github.com/" + repo + (onPr ? "/pull/" : "/issues/") + issueNumber + "#issuecomment-" + id);
        comments.add(c);
        return c;
    }

    ObjectNode addReviewComment(long id, int prNumber, String updatedAt) {
        ObjectNode c = template("review-comment-items.json");
        c.put("id", id).put("created_at", updatedAt).put("updated_at", updatedAt)
                .put("pull_request_url", "https://api.github.com/repos/" + repo + "/pulls/" + prNumber)
                .put("html_url", "https://github.com/" + repo + "/pull/" + prNumber + "#discussion_r" + id);
        reviewComments.add(c);
        return c;
    }

    ObjectNode addCommit(String sha, String message, String date) {
        ObjectNode c = template("commit-items.json");
        c.put("sha", sha).put("html_url", "https://github.com/" + repo + "/commit/" + sha);
        ObjectNode commit = (ObjectNode) c.get("commit");
        commit.put("message", message);
        ((ObjectNode) commit.get("author")).put("date", date);
        ((ObjectNode) commit.get("committer")).put("date", date);
        commits.add(c);
        return c;
    }

    ObjectNode addReview(int prNumber, long id, String state, String submittedAt) {
        ObjectNode r = template("pull-request-review-items.json");
        r.put("id", id).put("state", state).put("submitted_at", submittedAt)
                .put("pull_request_url", "https://api.github.com/repos/" + repo + "/pulls/" + prNumber)
                .put("html_url", "https://github.com/" + repo + "/pull/" + prNumber + "#pullrequestreview-" + id);
        reviews.computeIfAbsent(prNumber, n -> new CopyOnWriteArrayList<>()).add(r);
        return r;
    }

    /** Moves a PR (and its issue twin) to {@code updatedAt}, as a push, comment or review would. */
    void touchPull(int number, String updatedAt) {
        pulls.stream().filter(p -> p.get("number").asInt() == number).forEach(p -> p.put("updated_at", updatedAt));
        issues.stream().filter(p -> p.get("number").asInt() == number).forEach(p -> p.put("updated_at", updatedAt));
    }

    static String sha(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Map<String, ObjectNode> TEMPLATES = new ConcurrentHashMap<>();

    static ObjectNode template(String file) {
        return TEMPLATES.computeIfAbsent(file, f -> {
            try (InputStream in = FakeGitHub.class.getResourceAsStream("/github/" + f)) {
                return (ObjectNode) JSON.readTree(in).get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).deepCopy();
    }

    // ---- faults ----

    /** The next requests to {@code path} get these responses, in order, before normal service resumes. */
    void failNext(String path, MockResponse... responses) {
        faults.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(responses));
    }

    /** Every request whose URL matches gets {@code response} until {@link #heal()}. */
    void failWhen(java.util.function.Predicate<HttpUrl> matches, MockResponse response) {
        failure = response;
        failWhen = matches;
    }

    void heal() {
        failWhen = u -> false;
    }

    // ---- serving ----

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = serve(request);
        requests.add(request);
        statuses.add(Integer.parseInt(response.getStatus().split(" ")[1]));
        return response;
    }

    /** How many requests from index {@code from} on were answered 304 (GitHub does not count them against the rate limit). */
    long notModifiedSince(int from) {
        return statuses.subList(from, statuses.size()).stream().filter(code -> code == 304).count();
    }

    private MockResponse serve(RecordedRequest request) {
        HttpUrl url = request.getRequestUrl();
        String path = url.encodedPath();
        Deque<MockResponse> queued = faults.get(path);
        if (queued != null) {
            synchronized (queued) {
                if (!queued.isEmpty()) return queued.poll();
            }
        }
        if (failWhen.test(url)) return failure;
        String r = "/repos/" + repo;
        Function<JsonNode, Instant> updated = n -> Instant.parse(n.get("updated_at").asText());
        if (path.equals(r + "/pulls")) return list(request, pulls, updated, false);
        if (path.equals(r + "/issues")) return list(request, issues, updated, true);
        if (path.equals(r + "/issues/comments")) return list(request, comments, updated, true);
        if (path.equals(r + "/pulls/comments")) return list(request, reviewComments, updated, true);
        if (path.equals(r + "/commits")) {
            return list(request, commits, n -> Instant.parse(n.at("/commit/committer/date").asText()), true);
        }
        if (path.startsWith(r + "/pulls/") && path.endsWith("/reviews")) {
            int number = Integer.parseInt(path.substring((r + "/pulls/").length(), path.length() - "/reviews".length()));
            List<ObjectNode> list = new ArrayList<>(reviews.getOrDefault(number, List.of()));
            return page(request, list);
        }
        if (path.matches("/orgs/[^/]+")) { // github-api reads the organization before listing its repositories
            String login = path.substring("/orgs/".length());
            return json(200, "{\"login\":\"" + login + "\",\"id\":1,\"type\":\"Organization\",\"url\":\""
                    + request.getRequestUrl().newBuilder().encodedPath(path).build() + "\"}");
        }
        if (path.startsWith("/orgs/") && path.endsWith("/repos")) {
            List<ObjectNode> list = new ArrayList<>();
            for (String name : orgRepos) list.add(JSON.createObjectNode().put("full_name", name).put("private", false));
            return page(request, list);
        }
        return json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}");
    }

    private MockResponse list(RecordedRequest request, List<ObjectNode> items, Function<JsonNode, Instant> time, boolean hasSince) {
        HttpUrl url = request.getRequestUrl();
        String since = hasSince ? url.queryParameter("since") : null;
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode item : items) {
            if (since == null || !time.apply(item).isBefore(Instant.parse(since))) selected.add(item);
        }
        // newest first, ties by id so pages are stable
        selected.sort(Comparator.comparing((ObjectNode n) -> time.apply(n)).reversed()
                .thenComparing(n -> n.path("id").asText(n.path("sha").asText())));
        return page(request, selected);
    }

    private MockResponse page(RecordedRequest request, List<ObjectNode> all) {
        HttpUrl url = request.getRequestUrl();
        int perPage = Math.min(100, url.queryParameter("per_page") == null ? 30 : Integer.parseInt(url.queryParameter("per_page")));
        int page = url.queryParameter("page") == null ? 1 : Integer.parseInt(url.queryParameter("page"));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        ArrayNode body = JSON.createArrayNode();
        all.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(body::add);
        String text = body.toString();
        String etag = "\"" + sha(url + text) + "\"";
        MockResponse response = new MockResponse().setHeader("ETag", etag)
                .setHeader("x-ratelimit-limit", "5000").setHeader("x-ratelimit-remaining", "4990")
                .setHeader("x-ratelimit-reset", "1893456000").setHeader("x-ratelimit-resource", "core");
        Map<String, Integer> rels = new TreeMap<>();
        if (page < last) {
            rels.put("next", page + 1);
            rels.put("last", last);
        }
        if (page > 1) {
            rels.put("prev", page - 1);
            rels.put("first", 1);
        }
        if (!rels.isEmpty()) {
            List<String> parts = new ArrayList<>();
            rels.forEach((rel, p) -> parts.add("<" + url.newBuilder().setQueryParameter("page", Integer.toString(p)).build() + ">; rel=\"" + rel + "\""));
            response.setHeader("Link", String.join(", ", parts));
        }
        if (etag.equals(request.getHeader("If-None-Match"))) return response.setResponseCode(304);
        return response.setResponseCode(200).setHeader("Content-Type", "application/json; charset=utf-8").setBody(text);
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json; charset=utf-8").setBody(body);
    }

    /** Requests whose path is {@code path}, in order. */
    List<RecordedRequest> requestsTo(String path) {
        return requests.stream().filter(r -> r.getRequestUrl().encodedPath().equals(path)).toList();
    }
}
