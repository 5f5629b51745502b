package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.TruthAssessment;
import dev.nightjar.model.TruthLevel;
import dev.nightjar.truth.TruthPolicy;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * `show`: one stored document as the store holds it, in the shape of
 * {@code ../shared/contracts/show.schema.json}: source times, truth level with its reason (the rule
 * of {@code index/truth.yml} or the admin mark: who, when, review-by), stale and superseded flags,
 * every version (when the source says it changed, by whom, what changed), links in and out with
 * their type, who may read it, and the body. What the viewer may not read does not exist for them:
 * not the document (same message as an unknown one) and not the documents linked to it.
 */
final class ShowReport {

    private final Workspace ws;
    private final Viewer viewer;
    private final PeopleDirectory people;

    ShowReport(Workspace ws, Viewer viewer) {
        this.ws = ws;
        this.viewer = viewer;
        this.people = ws.people();
    }

    /**
     * The document {@code typed} names: an id ({@code linear:issue:RNK-130}), a URL (with or without
     * {@code https://}), a Linear issue key ({@code RNK-130}) or a GitHub {@code owner/repo#55} /
     * {@code repo#55}; see {@link DocumentRefs}.
     *
     * @throws ConfigException (exit 2) when there is none, or the viewer may not read it: one message
     *                         for both, so that {@code --as} does not reveal what exists; and when it
     *                         names several documents the viewer may read, listing their ids
     */
    StoredDocument find(String typed) {
        String ref = typed.strip();
        DocumentRefs refs = new DocumentRefs(ws.documents());
        List<StoredDocument> readable = refs.candidates(ref).stream()
                .filter(d -> viewer.canSee(d.document().acl())).sorted(java.util.Comparator.comparing(StoredDocument::id)).toList();
        if (readable.isEmpty()) {
            // only keys the viewer may read are suggested: a suggestion must not reveal what --as may not see
            List<String> near = refs.nearIssueKeys(ref).stream()
                    .filter(k -> ws.documents().find(DocumentKind.LINEAR_ISSUE.prefix() + k).filter(d -> viewer.canSee(d.document().acl())).isPresent())
                    .toList();
            throw new ConfigException("no document " + ref + " in the store "
                    + (near.isEmpty() ? "(check the URL or id; `nightjar sync` reads the sources)" : "(did you mean " + String.join(" or ", near) + "?)"));
        }
        if (readable.size() > 1) {
            throw new ConfigException(ref + " matches " + readable.size() + " documents; show one by id: "
                    + String.join(", ", readable.stream().map(StoredDocument::id).toList()));
        }
        return readable.get(0);
    }

    /** The JSON object of the contract (ordered keys). */
    Map<String, Object> build(StoredDocument stored) {
        Document d = stored.document();
        List<DocumentStore.Version> versions = ws.documents().versions(stored.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("url", d.url());
        out.put("title", d.title());
        out.put("source", d.id().source());
        out.put("kind", d.id().kind());
        out.put("truth", truth(stored, versions));
        Instant created = d.createdAt() != null ? d.createdAt() : versions.isEmpty() ? stored.firstSeenAt() : versions.get(0).at();
        out.put("created_at", iso(created));
        out.put("updated_at", iso(d.updatedAt() != null ? d.updatedAt() : created));
        out.put("author", d.author() == null ? null : person(d.author()));
        out.put("state", d.state());
        out.put("properties", d.properties());
        out.put("versions", versions.stream().map(this::version).toList());
        out.put("links", links(stored));
        out.put("acl", acl(d));
        if (stored.deleted()) out.put("deleted_at", iso(stored.deletedAt()));
        out.put("stored_at", iso(stored.firstSeenAt()));
        out.put("body", d.body());
        return out;
    }

    private Map<String, Object> truth(StoredDocument d, List<DocumentStore.Version> versions) {
        Optional<CanonicalStore.Mark> mark = ws.canonicalMarks().find(d.id());
        Optional<DocumentStore.Version> since = mark.isEmpty() && d.truth() == TruthLevel.CANONICAL
                ? ruleMatchedSince(d, versions) : Optional.empty();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("level", d.truth().label());
        String reason = reason(d, mark);
        if (since.isPresent()) {
            DocumentStore.Version v = since.get();
            reason += ", matched since v" + v.version() + " of " + day(v.at()) + (v.by() == null ? "" : " (edited by " + people.displayName(v.by()) + ")");
        }
        t.put("reason", reason);
        t.put("marked_by", mark.map(CanonicalStore.Mark::markedBy).orElse(null));
        t.put("marked_at", mark.map(m -> iso(m.markedAt())).orElse(null));
        t.put("canonical_since", since.map(v -> iso(v.at())).orElse(null));
        t.put("review_by", iso(d.reviewBy()));
        t.put("stale", d.stale());
        t.put("superseded_by", d.supersededBy() == null ? null
                : ws.documents().find(d.supersededBy()).map(s -> s.document().url()).orElse(d.supersededBy()));
        return t;
    }

    /**
     * The first version of the latest unbroken run of versions that the same truth rule makes canonical:
     * when (source time) and by whom the document became what the rule calls canonical (a PRD's status
     * set to Approved). Each stored version keeps its title, state and properties, which is what rules read.
     */
    private Optional<DocumentStore.Version> ruleMatchedSince(StoredDocument d, List<DocumentStore.Version> versions) {
        TruthPolicy policy = ws.truthPolicy();
        DocumentStore.Version since = null;
        for (int i = versions.size() - 1; i >= 0; i--) {
            DocumentStore.Version v = versions.get(i);
            Document then = d.document().toBuilder().title(v.title()).state(v.state()).properties(v.properties()).updatedAt(v.at()).build();
            TruthAssessment t = policy.assess(then, Optional.empty(), v.at());
            if (t.level() != TruthLevel.CANONICAL || !t.reason().equals(d.truthReason())) break;
            since = v;
        }
        return Optional.ofNullable(since);
    }

    /** Why this level, in words: the mark (who, when, why), the named rule, or the source's default. */
    private static String reason(StoredDocument d, Optional<CanonicalStore.Mark> mark) {
        if (mark.isPresent()) {
            CanonicalStore.Mark m = mark.get();
            return "marked canonical by " + m.markedBy() + " on " + day(m.markedAt()) + (m.reason() == null ? "" : " (" + m.reason() + ")");
        }
        String why = d.truthReason() == null ? "" : d.truthReason();
        if (why.startsWith("rule ")) return why + " of index/truth.yml";
        if (why.startsWith("default for ")) return "the default level for " + why.substring("default for ".length()) + " in index/truth.yml";
        return why;
    }

    private Map<String, Object> version(DocumentStore.Version v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("at", iso(v.at()));
        m.put("by", v.by() == null ? null : people.displayName(v.by()));
        m.put("summary", v.changes() == null || v.changes().isBlank() ? "changed" : v.changes());
        m.put("stored_at", iso(v.recordedAt()));
        return m;
    }

    private List<Map<String, Object>> links(StoredDocument d) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Link l : ws.documents().linksFrom(d.id())) link(out, l.type().label(), "out", l.to());
        for (Link l : ws.documents().linksTo(d.id())) link(out, l.type().label(), "in", l.from().toString());
        return out;
    }

    /** One edge; an edge to a document the viewer may not read is left out (its existence is not theirs to know). */
    private void link(List<Map<String, Object>> out, String type, String direction, String ref) {
        String url;
        String title;
        if (ref.startsWith("person:")) {
            String who = ref.substring("person:".length());
            title = people.displayName(who);
            url = people.emailOf(who).map(e -> "mailto:" + e).orElse(ref);
        } else if (ref.startsWith("commit:")) {
            title = null;
            url = ref;
        } else {
            Optional<StoredDocument> target = isDocumentId(ref) ? ws.documents().find(ref) : Optional.empty();
            if (target.isPresent() && !viewer.canSee(target.get().document().acl())) return;
            url = target.map(t -> t.document().url()).orElse(ref);
            title = target.map(t -> t.document().title()).orElse(null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("direction", direction);
        m.put("url", url);
        m.put("title", title);
        m.put("ref", ref);
        out.add(m);
    }

    private static boolean isDocumentId(String ref) {
        try {
            DocumentId.parse(ref);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Who may read it: everyone, or the principals as e-mails where they are known people. */
    private Map<String, Object> acl(Document d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("public", d.acl().everyone());
        TreeSet<String> readers = new TreeSet<>();
        for (String p : d.acl().principals()) readers.add(people.emailOf(p).orElse(p));
        m.put("readers", List.copyOf(readers));
        return m;
    }

    private Map<String, Object> person(String identity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", people.displayName(identity));
        m.put("email", people.emailOf(identity).orElse(null));
        m.put("identity", identity);
        return m;
    }

    static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    static String day(Instant at) {
        return at == null ? "-" : at.toString().substring(0, 10);
    }
}
