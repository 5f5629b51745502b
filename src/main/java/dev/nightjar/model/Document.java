package dev.nightjar.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One normalized item from any source: an issue, a PR, a run, a page, a Slack thread.
 *
 * @param author       identity of the author ({@code source:handle}, e.g. {@code github:octocat}) or null
 * @param participants identities of everyone involved (assignee, reviewers, repliers, mentioned)
 * @param state        normalized state: open, in_progress, done, canceled, merged, closed, running,
 *                     finished, crashed, failed, ... (null when the kind has none)
 * @param projects     ids of the Linear projects/initiatives/teams this belongs to
 *                     ({@code linear:project:<id>}, {@code linear:team:PAY}), when the source knows them
 * @param properties   typed metadata as text (Notion properties, priority, branch, merge commit, ...)
 * @param metrics      numeric metrics (W&B summary)
 * @param rawJson      the source's own record, kept for debugging and re-normalization
 * @param editedBy     identity of whoever made the source's latest change (Notion's last editor, the
 *                     author of a Slack thread's newest message), or null when the source does not say;
 *                     recorded on the version it starts, and left out of {@link #contentHash()}
 */
public record Document(
        DocumentId id,
        String url,
        String title,
        String body,
        String author,
        List<String> participants,
        Instant createdAt,
        Instant updatedAt,
        String state,
        List<String> projects,
        List<String> labels,
        Map<String, String> properties,
        Map<String, Double> metrics,
        Acl acl,
        String rawJson,
        String editedBy) {

    public Document {
        participants = participants == null ? List.of() : List.copyOf(participants);
        projects = projects == null ? List.of() : List.copyOf(projects);
        labels = labels == null ? List.of() : List.copyOf(labels);
        properties = properties == null ? Map.of() : Map.copyOf(new TreeMap<>(properties));
        metrics = metrics == null ? Map.of() : Map.copyOf(new TreeMap<>(metrics));
        acl = acl == null ? Acl.workspace() : acl;
        title = title == null ? "" : title;
        body = body == null ? "" : body;
    }

    /** The property {@code key}, or null when the source gave none. */
    public String property(PropertyKey key) {
        return properties.get(key.key());
    }

    /** The state as a type ({@link DocumentState#OTHER} when unmapped or absent). */
    public DocumentState stateType() {
        return DocumentState.of(state);
    }

    /** True when this document is of {@code kind}. */
    public boolean is(DocumentKind kind) {
        return kind.is(id);
    }

    public static Builder builder(DocumentId id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id).url(url).title(title).body(body).author(author).participants(participants)
                .createdAt(createdAt).updatedAt(updatedAt).state(state).projects(projects).labels(labels)
                .properties(properties).metrics(metrics).acl(acl).rawJson(rawJson).editedBy(editedBy);
    }

    /**
     * SHA-256 over the content a reader would notice changing. Timestamps and the raw JSON are left
     * out on purpose: a source bumping {@code updatedAt} without a visible change is not a new version.
     */
    public String contentHash() {
        StringBuilder sb = new StringBuilder(256 + body.length());
        append(sb, url).append(title).append('\u0000').append(body);
        append(sb, author);
        append(sb, String.join("\u0001", participants));
        append(sb, state);
        append(sb, String.join("\u0001", projects));
        append(sb, String.join("\u0001", labels));
        append(sb, new TreeMap<>(properties).toString());
        append(sb, new TreeMap<>(metrics).toString());
        append(sb, acl.everyone() ? "*" : String.join("\u0001", new java.util.TreeSet<>(acl.principals())));
        return sha256(sb.toString());
    }

    private static StringBuilder append(StringBuilder sb, String value) {
        return sb.append('\u0000').append(value == null ? "" : value);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {
        private final DocumentId id;
        private String url, title, body, author, state, rawJson, editedBy;
        private List<String> participants = List.of(), projects = List.of(), labels = List.of();
        private Instant createdAt, updatedAt;
        private Map<String, String> properties = Map.of();
        private Map<String, Double> metrics = Map.of();
        private Acl acl = Acl.workspace();

        private Builder(DocumentId id) { this.id = id; }

        public Builder url(String v) { url = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder body(String v) { body = v; return this; }
        public Builder author(String v) { author = v; return this; }
        public Builder participants(List<String> v) { participants = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }
        public Builder state(String v) { state = v; return this; }
        public Builder projects(List<String> v) { projects = v; return this; }
        public Builder labels(List<String> v) { labels = v; return this; }
        public Builder properties(Map<String, String> v) { properties = v; return this; }
        public Builder metrics(Map<String, Double> v) { metrics = v; return this; }
        public Builder acl(Acl v) { acl = v; return this; }
        public Builder rawJson(String v) { rawJson = v; return this; }
        public Builder editedBy(String v) { editedBy = v; return this; }

        public Document build() {
            return new Document(id, url, title, body, author, participants, createdAt, updatedAt, state,
                    projects, labels, properties, metrics, acl, rawJson, editedBy);
        }
    }
}
