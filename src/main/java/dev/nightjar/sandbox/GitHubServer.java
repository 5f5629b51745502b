package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub REST: the list endpoints the connector walks, with GitHub's paging ({@code per_page} ≤ 100,
 * {@code page}, a {@code Link} header of absolute URLs), ordering ({@code sort=created|updated},
 * {@code direction}), {@code since} (updated — or for commits committed — at or after), {@code state},
 * strong ETags and {@code If-None-Match} → 304, and rate-limit headers. Unknown routes get GitHub's
 * {@code {"message":"Not Found",...}} 404.
 */
final class GitHubServer extends ApiServer {

    private static final Pattern REPO = Pattern.compile("^/repos/([^/]+/[^/]+)/(pulls|issues|issues/comments|pulls/comments|commits|pulls/(\\d+)/reviews)$");
    private static final Pattern ORG_REPOS = Pattern.compile("^/orgs/([^/]+)/repos$");

    GitHubServer(SampleCompany company) {
        super("github", company);
    }

    String baseUrl() {
        return origin();
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> q = query(exchange);
        String auth = bearer(exchange);
        if (auth == null || auth.isBlank()) {
            send(exchange, 401, "{\"message\":\"Requires authentication\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}", Map.of());
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            notFound(exchange);
            return;
        }
        List<ObjectNode> items;
        synchronized (company) {
            items = select(path, q);
        }
        if (items == null) {
            notFound(exchange);
            return;
        }
        int perPage = intParam(q, "per_page", 30, 1, 100);
        int page = intParam(q, "page", 1, 1, Integer.MAX_VALUE);
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        int from = Math.min(items.size(), (page - 1) * perPage);
        ArrayNode body = JSON.createArrayNode();
        items.subList(from, Math.min(items.size(), from + perPage)).forEach(body::add);
        String text = JSON.writeValueAsString(body);
        String etag = "\"" + sha256(text) + "\"";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", etag);
        headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
        headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        headers.put("X-GitHub-Media-Type", "github.v3; format=json");
        headers.put("X-GitHub-Api-Version-Selected", "2022-11-28");
        headers.put("X-RateLimit-Limit", "5000");
        headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, 5000 - requestCount())));
        headers.put("X-RateLimit-Reset", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()));
        headers.put("X-RateLimit-Used", String.valueOf(requestCount()));
        headers.put("X-RateLimit-Resource", "core");
        String link = link(exchange, q, page, last);
        if (!link.isEmpty()) headers.put("Link", link);
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals("W/" + etag))) {
            send(exchange, 304, null, headers);
            return;
        }
        send(exchange, 200, text, headers);
    }

    /** The records of one list endpoint, filtered and ordered; null for an unknown route or repository. */
    private List<ObjectNode> select(String path, Map<String, String> q) {
        Matcher org = ORG_REPOS.matcher(path);
        if (org.matches()) {
            if (!org.group(1).equalsIgnoreCase(SampleCompany.GITHUB_ORG)) return null;
            List<ObjectNode> out = new ArrayList<>();
            for (SampleCompany.Repo r : company.repos.values()) {
                ObjectNode node = JSON.createObjectNode();
                node.put("id", r.id).put("name", r.fullName.split("/")[1]).put("full_name", r.fullName).put("private", true)
                        .put("html_url", "https://github.com/" + r.fullName).put("default_branch", "main");
                node.putObject("owner").put("login", SampleCompany.GITHUB_ORG).put("type", "Organization");
                out.add(node);
            }
            return out;
        }
        Matcher m = REPO.matcher(path);
        if (!m.matches()) return null;
        SampleCompany.Repo repo = company.repos.get(m.group(1));
        if (repo == null) return null;
        String kind = m.group(2);
        Instant since = instant(q.get("since"));
        String state = q.getOrDefault("state", "open");
        return switch (kind) {
            case "pulls" -> order(repo.pulls.stream().filter(p -> stateMatches(p, state)).toList(), q, "created");
            case "issues" -> order(repo.issues.stream().filter(i -> stateMatches(i, state))
                    .filter(i -> since == null || !updated(i).isBefore(since)).toList(), q, "created");
            case "issues/comments" -> order(repo.issueComments.stream()
                    .filter(i -> since == null || !updated(i).isBefore(since)).toList(), q, "created", "asc");
            case "pulls/comments" -> order(repo.reviewComments.stream()
                    .filter(i -> since == null || !updated(i).isBefore(since)).toList(), q, "created", "asc");
            case "commits" -> repo.commits.stream()
                    .filter(c -> since == null || !committed(c).isBefore(since))
                    .filter(c -> q.get("until") == null || !committed(c).isAfter(instant(q.get("until"))))
                    .sorted(Comparator.comparing(GitHubServer::committed).reversed()).toList();
            default -> {
                List<ObjectNode> reviews = repo.reviews.get(Integer.parseInt(m.group(3)));
                yield reviews == null ? null : reviews.stream()
                        .sorted(Comparator.comparing(r -> instant(r.path("submitted_at").asText()))).toList();
            }
        };
    }

    private static List<ObjectNode> order(List<ObjectNode> items, Map<String, String> q, String defaultSort) {
        return order(items, q, defaultSort, "desc");
    }

    /** GitHub's default direction is desc, except for the comment listings, which are ascending by default. */
    private static List<ObjectNode> order(List<ObjectNode> items, Map<String, String> q, String defaultSort, String defaultDirection) {
        String sort = q.getOrDefault("sort", defaultSort);
        String direction = q.getOrDefault("direction", q.containsKey("sort") ? "desc" : defaultDirection);
        Function<ObjectNode, Instant> key = sort.equals("updated") ? GitHubServer::updated
                : n -> instant(n.path("created_at").asText());
        Comparator<ObjectNode> c = Comparator.comparing(key).thenComparing(n -> n.path("id").asLong());
        List<ObjectNode> out = new ArrayList<>(items);
        out.sort(direction.equals("asc") ? c : c.reversed());
        return out;
    }

    private static boolean stateMatches(ObjectNode item, String state) {
        return state.equals("all") || item.path("state").asText().equals(state);
    }

    private static Instant updated(ObjectNode n) {
        return instant(n.path("updated_at").asText());
    }

    private static Instant committed(ObjectNode c) {
        return instant(c.path("commit").path("committer").path("date").asText());
    }

    private static Instant instant(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code <url>; rel="next", <url>; rel="last"} (and prev/first), absolute, keeping the request's query. */
    private String link(HttpExchange exchange, Map<String, String> q, int page, int last) {
        List<String> parts = new ArrayList<>();
        if (page < last) {
            parts.add("<" + pageUrl(exchange, q, page + 1) + ">; rel=\"next\"");
            parts.add("<" + pageUrl(exchange, q, last) + ">; rel=\"last\"");
        }
        if (page > 1) {
            parts.add("<" + pageUrl(exchange, q, page - 1) + ">; rel=\"prev\"");
            parts.add("<" + pageUrl(exchange, q, 1) + ">; rel=\"first\"");
        }
        return String.join(", ", parts);
    }

    private String pageUrl(HttpExchange exchange, Map<String, String> q, int page) {
        Map<String, String> params = new LinkedHashMap<>(q);
        params.put("page", String.valueOf(page));
        StringBuilder sb = new StringBuilder(origin()).append(exchange.getRequestURI().getRawPath()).append('?');
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!first) sb.append('&');
            first = false;
            sb.append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("%3A", ":"));
        }
        return sb.toString();
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        send(exchange, 404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}", Map.of());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
