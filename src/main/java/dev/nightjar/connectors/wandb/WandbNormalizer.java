package dev.nightjar.connectors.wandb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
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
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A W&B run → {@code wandb:run:<entity>/<project>/<name>}. {@code config} and {@code summaryMetrics}
 * arrive as JSON strings: the summary's numbers become {@link Document#metrics()} (nested keys joined
 * with dots; media, histograms and {@code _}-internal keys other than {@code _runtime}/{@code _step}
 * left out), and scalar config values become {@code config.<key>} properties. The git commit links
 * the run to {@code commit:<sha>} (and to the GitHub commit when the remote is on GitHub).
 */
public final class WandbNormalizer implements Normalizer {

    static final String SOURCE = WandbClient.SOURCE;
    /**
     * W&B's own writer (Python's json with allow_nan) puts bare NaN, Infinity and -Infinity into
     * summaryMetrics and config, and raw control characters (tab, newline, 0x01) inside their strings:
     * read them as it wrote them instead of losing the run.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,40}");
    private static final Pattern GITHUB_REMOTE =
            Pattern.compile("(?:https?://|ssh://)?(?:[^@/]+@)?github\\.com[:/]([^/\\s]+)/([^/\\s]+?)(?:\\.git)?/?$");
    private static final Set<String> KEPT_INTERNAL = Set.of("_runtime", "_step");
    private static final int MAX_CONFIG_PROPERTIES = 200;
    private static final int MAX_METRICS = 500;

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WandbNormalizer.class);

    private final String appUrl;

    public WandbNormalizer(String appUrl) {
        this.appUrl = appUrl.replaceAll("/+$", "");
    }

    @Override
    public Normalized normalize(SourceRecord record) {
        JsonNode run = record.json();
        String name = text(run.path("name"));
        String container = record.container();
        if (name == null || container == null || !container.contains("/")) {
            throw new MalformedRecordException("wandb: run without name or entity/project: " + run.path("id").asText("?"));
        }
        String entity = container.substring(0, container.indexOf('/'));
        String project = container.substring(container.indexOf('/') + 1);
        DocumentId id = DocumentId.of(SOURCE, "run", container + "/" + name);

        JsonNode config = jsonString(run.path("config"), "config", name);
        JsonNode summary = jsonString(run.path("summaryMetrics"), "summaryMetrics", name);

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("entity", entity);
        properties.put("project", project);
        putIf(properties, "display_name", text(run.path("displayName")));
        putIf(properties, "group", text(run.path("group")));
        putIf(properties, "job_type", text(run.path("jobType")));
        putIf(properties, "sweep", text(run.path("sweepName")));
        putIf(properties, "heartbeat_at", text(run.path("heartbeatAt")));
        if (run.path("historyLineCount").isNumber()) properties.put("history_line_count", run.path("historyLineCount").asText());
        configProperties(config, properties);

        String commit = commit(run, config);
        putIf(properties, "commit", commit);
        String remote = firstConfigText(config, "git.remote", "git_remote", "git.remote_url", "git.url", "repo_url");
        putIf(properties, "git_remote", remote);

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, String> nonFinite = new LinkedHashMap<>();
        flattenMetrics("", summary, metrics, nonFinite);
        // NaN and ±Infinity are facts about the run (a diverged loss) but not numbers to compare with a
        // target: shown as text in a property and the body, never among the numeric metrics
        nonFinite.forEach((k, v) -> properties.put("metric." + k, v));

        List<String> labels = new ArrayList<>();
        run.path("tags").forEach(t -> { if (t.isTextual() && !t.asText().isBlank()) labels.add(t.asText()); });

        JsonNode user = run.path("user");
        String username = text(user.path("username"));
        List<PersonIdentity> people = new ArrayList<>();
        if (username != null) {
            people.add(new PersonIdentity(SOURCE, username, text(user.path("email")), text(user.path("name")), null));
        }
        String author = username == null ? null : SOURCE + ":" + username;

        String displayName = text(run.path("displayName"));
        String notes = text(run.path("notes"));
        // the run's own words (e.g. why it crashed) are quoted by answers and briefs
        if (notes != null && !notes.isBlank()) properties.put("notes", notes);
        String description = text(run.path("description"));
        String title = displayName != null ? displayName : name;

        List<Link> links = new ArrayList<>();
        if (commit != null) {
            links.add(Link.toCommit(id, commit));
            String repo = githubRepo(remote);
            if (repo != null) {
                links.add(Link.toDocument(id, LinkType.REFERENCES,
                        DocumentId.of("github", "commit", repo + "@" + commit.toLowerCase(Locale.ROOT))));
            }
        }
        links.addAll(IssueKeyLinks.links(id, displayName, notes, description, text(run.path("group")),
                String.join(" ", labels)));
        if (author != null) links.add(Link.toPerson(id, LinkType.ASSIGNED_TO, author));

        Document document = Document.builder(id)
                .url(appUrl + "/" + entity + "/" + project + "/runs/" + name)
                .title(title)
                .body(body(title, run, notes, description, labels, metrics, nonFinite))
                .author(author)
                .participants(author == null ? List.of() : List.of(author))
                .createdAt(WandbTime.parse(text(run.path("createdAt"))))
                .updatedAt(updatedAt(run))
                .state(text(run.path("state")) == null ? null : run.path("state").asText().toLowerCase(Locale.ROOT))
                .labels(labels)
                .properties(properties)
                .metrics(metrics)
                .rawJson(run.toString())
                .build();
        return new Normalized(List.of(document), links, people, List.of());
    }

    private static java.time.Instant updatedAt(JsonNode run) {
        java.time.Instant heartbeat = WandbTime.parse(text(run.path("heartbeatAt")));
        return heartbeat != null ? heartbeat : WandbTime.parse(text(run.path("createdAt")));
    }

    /** Searchable text: the run's name, notes and description, tags and its headline metrics. */
    private static String body(String title, JsonNode run, String notes, String description, List<String> labels,
                               Map<String, Double> metrics, Map<String, String> nonFinite) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        if (description != null) sb.append(description).append('\n');
        if (notes != null) sb.append(notes).append('\n');
        if (!labels.isEmpty()) sb.append("tags: ").append(String.join(", ", labels)).append('\n');
        if (!metrics.isEmpty() || !nonFinite.isEmpty()) {
            List<String> parts = new ArrayList<>();
            nonFinite.forEach((k, v) -> { if (parts.size() < 30) parts.add(k + "=" + v); });
            metrics.forEach((k, v) -> { if (parts.size() < 30) parts.add(k + "=" + format(v)); });
            sb.append("metrics: ").append(String.join(", ", parts)).append('\n');
        }
        return sb.toString().strip();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** {@code commit} field first; else the config's git commit (some teams log it themselves). */
    private static String commit(JsonNode run, JsonNode config) {
        String commit = text(run.path("commit"));
        if (commit == null) commit = firstConfigText(config, "git.commit", "git_commit", "commit", "git_sha", "sha");
        return commit != null && SHA.matcher(commit).matches() ? commit.toLowerCase(Locale.ROOT) : null;
    }

    static String githubRepo(String remote) {
        if (remote == null) return null;
        Matcher m = GITHUB_REMOTE.matcher(remote.trim());
        return m.find() ? m.group(1) + "/" + m.group(2) : null;
    }

    /** A config value by dotted path, unwrapping W&B's {@code {"value": ...}} envelopes. */
    private static String firstConfigText(JsonNode config, String... paths) {
        for (String path : paths) {
            JsonNode node = config;
            for (String part : path.split("\\.")) {
                node = unwrap(node).path(part);
            }
            node = unwrap(node);
            if (node.isValueNode() && !node.isNull() && !node.asText().isBlank()) return node.asText();
        }
        return null;
    }

    private static JsonNode unwrap(JsonNode node) {
        return node.isObject() && node.has("value") && node.size() <= 2 ? node.path("value") : node;
    }

    private static void configProperties(JsonNode config, Map<String, String> properties) {
        int[] budget = {MAX_CONFIG_PROPERTIES};
        config.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("_")) return; // _wandb and other internals
            flattenConfig("config." + e.getKey(), unwrap(e.getValue()), properties, budget);
        });
    }

    private static void flattenConfig(String key, JsonNode value, Map<String, String> properties, int[] budget) {
        if (budget[0] <= 0) return;
        if (value.isObject()) {
            value.fields().forEachRemaining(e -> flattenConfig(key + "." + e.getKey(), unwrap(e.getValue()), properties, budget));
        } else if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> { if (v.isValueNode()) items.add(v.asText()); });
            if (!items.isEmpty()) { properties.put(key, String.join(", ", items)); budget[0]--; }
        } else if (value.isValueNode() && !value.isNull()) {
            properties.put(key, value.asText());
            budget[0]--;
        }
    }

    private static void flattenMetrics(String prefix, JsonNode node, Map<String, Double> metrics, Map<String, String> nonFinite) {
        if (node.isObject() && node.has("_type")) return; // histograms, images, tables: not a number
        node.fields().forEachRemaining(e -> {
            if (metrics.size() >= MAX_METRICS) return;
            String key = e.getKey();
            if (prefix.isEmpty() && key.startsWith("_") && !KEPT_INTERNAL.contains(key)) return;
            JsonNode value = e.getValue();
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value.isNumber()) {
                double d = value.asDouble();
                if (Double.isFinite(d)) metrics.put(full, d);
                else nonFinite.put(full, Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            } else if (value.isObject()) {
                flattenMetrics(full, value, metrics, nonFinite);
            }
        });
    }

    /** config and summaryMetrics are JSON strings on the wire; an object is accepted too. */
    private static JsonNode jsonString(JsonNode node, String field, String run) {
        if (node.isObject()) return node;
        if (!node.isTextual() || node.asText().isBlank()) return MissingNode.getInstance();
        try {
            JsonNode parsed = JSON.readTree(node.asText());
            return parsed == null ? MissingNode.getInstance() : parsed;
        } catch (IOException e) {
            // the run's name, state and times are still worth keeping without this one field
            log.debug("wandb: run {} has unreadable {} JSON: {}", run, field, e.getMessage());
            return MissingNode.getInstance();
        }
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
