package dev.nightjar.slack;

import dev.nightjar.Workspace;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a Slack-captured note is attached. The scratchpad skill links a note to the project it
 * matched and its actions to their owners; a note from Slack is first parked (no project, no owners,
 * {@code routing=pending}, the owners kept aside) so it reaches no project's answers and nobody's
 * brief until a human presses "Route", and "Discard" deletes it from the store.
 */
public class NoteRouting {

    private final Workspace ws;

    public NoteRouting(Workspace ws) {
        this.ws = ws;
    }

    public void park(String noteId) {
        rewrite(noteId, null, "pending");
    }

    public void route(String noteId, String projectDocId) {
        rewrite(noteId, projectDocId, "routed");
    }

    public void discard(String noteId) {
        ws.documents().write(new Normalized(List.of(), List.of(), List.of(), List.of(DocumentId.parse(noteId))), d -> null);
    }

    /** Where the owners of a parked note's actions wait (comma-separated {@code person:} refs). */
    static final String PENDING_OWNERS = "pending_owners";

    private void rewrite(String noteId, String projectDocId, String routing) {
        StoredDocument stored = ws.documents().find(noteId).orElseThrow(() -> new IllegalStateException("note " + noteId + " is not in the store"));
        Document note = stored.document();
        Map<String, String> props = new LinkedHashMap<>(note.properties());
        List<String> projects = new ArrayList<>();
        List<Link> current = ws.documents().linksFrom(noteId);
        List<Link> links = new ArrayList<>(current.stream().filter(l -> l.type() != LinkType.PART_OF && l.type() != LinkType.ASSIGNED_TO).toList());
        List<String> owners = new ArrayList<>(current.stream().filter(l -> l.type() == LinkType.ASSIGNED_TO).map(Link::to).toList());
        String parked = props.remove(PENDING_OWNERS);
        if (parked != null && !parked.isBlank()) {
            for (String o : parked.split(",")) {
                if (!owners.contains(o)) owners.add(o);
            }
        }
        if (projectDocId == null) {
            if (!owners.isEmpty()) props.put(PENDING_OWNERS, String.join(",", owners));
        } else {
            for (String o : owners) links.add(new Link(note.id(), LinkType.ASSIGNED_TO, o));
            Optional<StoredDocument> project = ws.documents().find(projectDocId);
            projects.add(projectDocId);
            project.ifPresent(p -> p.document().projects().stream().filter(x -> x.startsWith("linear:") && !projects.contains(x)).forEach(projects::add));
            links.add(new Link(note.id(), LinkType.PART_OF, projectDocId));
        }
        props.put("routing", routing);
        Document updated = note.toBuilder().projects(projects).properties(props).build();
        ws.documents().write(new Normalized(List.of(updated), links, List.of(), List.of()),
                d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));
    }
}
