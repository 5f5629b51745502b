package dev.nightjar.skills.scratchpad;

import dev.nightjar.model.PropertyKey;

import dev.nightjar.model.DocumentKind;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.llm.Prose;
import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.FollowerPositions;
import dev.nightjar.store.PeopleStore;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code scratchpad add TEXT --by EMAIL}, and every message of a scratchpad channel (through
 * {@link #add(String, String, Acl, String)}): the raw thought becomes a {@code nightjar:note:<id>}
 * document (truth level scratchpad, by the {@code nightjar} default of truth.yml) linked PART_OF the
 * project it is about, so it appears, labelled, in that project's answers and briefs. Its citation URL
 * is {@code <NIGHTJAR_PUBLIC_URL>/notes/<id>} (default {@code http://localhost:8080}).
 */
public final class ScratchpadService {

    public static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";

    private final Workspace ws;
    private final Optional<LlmWriter> llm;

    public ScratchpadService(Workspace ws, Optional<LlmWriter> llm) {
        this.ws = ws;
        this.llm = llm;
    }

    /** A note from the command line: readable by the whole workspace. */
    public Note add(String text, String byEmail) {
        return add(text, byEmail, Acl.workspace(), null);
    }

    /**
     * A note by {@code byEmail} with the given ACL (a private scratchpad channel's members), optionally
     * referencing the document it came from (the Slack thread id). Projects are matched among what the
     * author may see.
     */
    public Note add(String text, String byEmail, Acl acl, String sourceDocId) {
        return add(text, byEmail, acl, sourceDocId, null);
    }

    /**
     * As above, for a note made from a message written at {@code written} (the Slack message's own time):
     * the note is dated when its words were written, not when Nightjar read them, so a three-day-old
     * thought never shows as new in a brief. Null means "written now" (the command line).
     */
    public Note add(String text, String byEmail, Acl acl, String sourceDocId, Written written) {
        if (text == null || text.isBlank()) throw new dev.nightjar.config.ConfigException("the note is empty");
        Viewer author = Viewer.person(byEmail, ws.people());
        Corpus corpus = new Corpus(ws.documents(), author);
        ProjectMatcher.Match match = new ProjectMatcher(corpus).match(text);
        List<PersonIdentity> people = new PeopleStore(ws.database()).all();
        Note.Content content = new NoteExtractor(people).extract(text);
        boolean llmUsed = false;
        if (llm.isPresent()) {
            Optional<Note.Content> structured = structured(text, author.email(), people);
            if (structured.isPresent()) {
                content = structured.get();
                llmUsed = true;
            }
        }
        Instant now = ws.clock().instant();
        Written when = written != null ? written : new Written(now, now);
        // a note made from a channel message keeps one id per message, so re-reading it updates the note in place
        String key = shortHash(sourceDocId != null ? sourceDocId : author.email() + "\u0000" + now + "\u0000" + text);
        DocumentId id = DocumentId.of("nightjar", "note", key);
        String url = publicUrl() + "/notes/" + key;
        Optional<StoredDocument> project = match.project();
        Document doc = document(id, url, text, content, author, project, match, acl, when);
        List<Link> links = new ArrayList<>();
        project.ifPresent(p -> links.add(Link.toDocument(id, LinkType.PART_OF, p.document().id())));
        if (sourceDocId != null) links.add(new Link(id, LinkType.REFERENCES, sourceDocId));
        for (Note.Action a : content.actions()) if (a.owner() != null) links.add(Link.toPerson(id, LinkType.ASSIGNED_TO, a.owner()));
        ws.documents().write(new Normalized(List.of(doc), links, List.of(), List.of()),
                d -> ws.truthPolicy().assess(d, Optional.empty(), now));

        List<String> citations = new ArrayList<>(List.of(url));
        project.ifPresent(p -> citations.add(p.document().url()));
        Note.ProjectRef ref = project.map(ScratchpadService::ref).orElse(null);
        return new Note(id.toString(), url, ref, match.candidates().stream().map(d -> d.document().title()).toList(), content.summary(),
                content.actions(), content.decisions(), content.questions(), citations, llmUsed, byProject(content, ref, new ProjectMatcher(corpus)));
    }

    private static Note.ProjectRef ref(StoredDocument p) {
        return new Note.ProjectRef(p.document().id().key(), p.document().title(), p.id(), p.document().url());
    }

    /**
     * Each item under the project its own words name (an issue key or a project's name, matched as for
     * the whole note), else under the note's project; groups in first-seen order.
     */
    static List<Note.Group> byProject(Note.Content c, Note.ProjectRef noteProject, ProjectMatcher matcher) {
        Map<String, Note.ProjectRef> refs = new LinkedHashMap<>();
        Map<String, List<Object>[]> items = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, Object[]> place = (text, item) -> {
            Note.ProjectRef p = matcher.match(text).project().map(ScratchpadService::ref).orElse(noteProject);
            String k = p == null ? "" : p.docId();
            refs.putIfAbsent(k, p);
            @SuppressWarnings("unchecked")
            List<Object>[] lists = items.computeIfAbsent(k, x -> new List[]{new ArrayList<>(), new ArrayList<>(), new ArrayList<>()});
            lists[(int) item[0]].add(item[1]);
        };
        for (Note.Action a : c.actions()) place.accept(a.text(), new Object[]{0, a});
        for (Note.DecisionItem d : c.decisions()) place.accept(d.text() + (d.why() == null ? "" : " " + d.why()), new Object[]{1, d});
        for (String q : c.questions()) place.accept(q, new Object[]{2, q});
        List<Note.Group> out = new ArrayList<>();
        for (Map.Entry<String, List<Object>[]> e : items.entrySet()) {
            List<Object>[] l = e.getValue();
            out.add(new Note.Group(refs.get(e.getKey()), l[0].stream().map(Note.Action.class::cast).toList(),
                    l[1].stream().map(Note.DecisionItem.class::cast).toList(), l[2].stream().map(String.class::cast).toList()));
        }
        return out;
    }

    /**
     * When a note's words were written: its first message ({@code created}) and its latest change
     * ({@code updated}), from the source.
     */
    public record Written(Instant created, Instant updated) {

        /** A single message written at {@code at}. */
        public static Written at(Instant at) {
            return new Written(at, at);
        }

        /** The times of the document the note is made from (a Slack thread: first message, newest reply or edit). */
        static Written of(Document source) {
            Instant created = source.createdAt() != null ? source.createdAt() : source.updatedAt();
            Instant updated = source.updatedAt() != null ? source.updatedAt() : created;
            return created == null ? null : new Written(created, updated);
        }
    }

    static final String CHANNEL_WATERMARK = "scratchpad.change_seq";

    /**
     * Turns every scratchpad-channel thread (Slack property {@code scratchpad=true}) that changed since
     * the last call into a note, keeping the thread's ACL and linking the note to it; the nightly job
     * (or the Slack app on each message) calls this. Threads whose author has no known e-mail are
     * skipped. Returns the notes made or updated.
     */
    public List<Note> refreshFromChannels() {
        FollowerPositions positions = new FollowerPositions(ws.database());
        long from = positions.position(CHANNEL_WATERMARK);
        long to = positions.latestCommitted();
        List<Note> notes = new ArrayList<>();
        for (StoredDocument t : ws.documents().queries().changedAfter(DocumentKind.SLACK_THREAD, from, to)) {
            if (!"true".equals(t.document().property(PropertyKey.SCRATCHPAD))) continue;
            Optional<String> email = ws.people().emailOf(t.document().author());
            if (email.isEmpty() || !ws.people().knows(email.get())) continue;
            if (awaitsOrHadApproval(t.id())) continue; // captured by the Slack app: its approval decides, not this pass
            notes.add(add(t.document().body().replaceAll("(?m)^[A-Z][\\p{L}.'-]*(?: [A-Z][\\p{L}.'-]*){0,3}: ", ""), email.get(),
                    t.document().acl(), t.id(), Written.of(t.document())));
        }
        positions.advance(CHANNEL_WATERMARK, to, ws.clock().instant());
        return notes;
    }

    /** True when the Slack app captured this thread as a note and put it up for approval (any outcome). */
    private boolean awaitsOrHadApproval(String sourceDocId) {
        return ws.documents().find(DocumentId.of("nightjar", "note", shortHash(sourceDocId)).toString())
                .map(n -> n.document().properties().containsKey("routing")).orElse(false);
    }

    private Document document(DocumentId id, String url, String text, Note.Content c, Viewer author, Optional<StoredDocument> project,
                              ProjectMatcher.Match match, Acl acl, Written when) {
        StringBuilder body = new StringBuilder(text.strip()).append("\n\n---\nSummary: ").append(c.summary());
        for (Note.Action a : c.actions()) body.append("\nAction: ").append(a.text()).append(a.owner() == null ? "" : " (owner " + a.owner() + ")");
        for (Note.DecisionItem d : c.decisions()) body.append("\nDecided: ").append(d.text()).append(d.why() == null ? "" : " (why: " + d.why() + ")");
        for (String q : c.questions()) body.append("\nQuestion: ").append(q);
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PropertyKey.SCRATCHPAD.key(), "true");
        props.put("by", author.email());
        props.put("project_match", project.isPresent() ? "matched" : "unsure");
        if (project.isEmpty() && !match.candidates().isEmpty()) {
            props.put("candidates", match.candidates().stream().map(StoredDocument::id).collect(Collectors.joining(", ")));
        }
        List<String> projects = new ArrayList<>();
        project.ifPresent(p -> {
            projects.add(p.id());
            p.document().projects().stream().filter(x -> x.startsWith("linear:")).forEach(projects::add);
        });
        String authorIdentity = author.identities().stream().filter(i -> i.contains(":")).findFirst().orElse(author.email());
        return Document.builder(id).url(url).title("Scratchpad: " + c.summary()).body(body.toString()).author(authorIdentity)
                .participants(List.of(authorIdentity)).createdAt(when.created()).updatedAt(when.updated()).projects(projects).properties(props).acl(acl).build();
    }

    /** The LLM's structured reading; empty when it fails validation twice (the extractive reading stands). */
    private Optional<Note.Content> structured(String text, String author, List<PersonIdentity> people) {
        Set<String> emails = people.stream().map(PersonIdentity::email).filter(e -> e != null).collect(Collectors.toSet());
        String list = people.stream().filter(p -> p.email() != null && p.name() != null).map(p -> p.name() + " <" + p.email() + ">")
                .distinct().collect(Collectors.joining("\n"));
        Map<String, String> slots = Map.of("author", author, "note", text, "people", list.isEmpty() ? "(none)" : list);
        Prose p = llm.get().extract("scratchpad", slots, "scratchpad_note", NoteSchema.SCHEMA, node -> NoteSchema.problems(node, emails));
        if (!p.accepted()) return Optional.empty();
        try {
            return Optional.of(NoteSchema.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(p.text())));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private String publicUrl() {
        String base = ws.env().find("NIGHTJAR_PUBLIC_URL").orElse(DEFAULT_PUBLIC_URL).strip();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
