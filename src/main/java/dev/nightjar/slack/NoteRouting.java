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
 * matched; a note from Slack is first parked (no project, {@code routing=pending}) so it reaches no
 * project's answers or briefs until a human presses "Route", and "Discard" deletes it from the store.
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
        ws.index().catchUp(ws.documents());
    }

    private void rewrite(String noteId, String projectDocId, String routing) {
        StoredDocument stored = ws.documents().find(noteId).orElseThrow(() -> new IllegalStateException("note " + noteId + " is not in the store"));
        Document note = stored.document();
        List<String> projects = new ArrayList<>();
        List<Link> links = new ArrayList<>(ws.documents().linksFrom(noteId).stream().filter(l -> l.type() != LinkType.PART_OF).toList());
        if (projectDocId != null) {
            Optional<StoredDocument> project = ws.documents().find(projectDocId);
            projects.add(projectDocId);
            project.ifPresent(p -> p.document().projects().stream().filter(x -> x.startsWith("linear:") && !projects.contains(x)).forEach(projects::add));
            links.add(new Link(note.id(), LinkType.PART_OF, projectDocId));
        }
        Map<String, String> props = new LinkedHashMap<>(note.properties());
        props.put("routing", routing);
        Document updated = note.toBuilder().projects(projects).properties(props).build();
        ws.documents().write(new Normalized(List.of(updated), links, List.of(), List.of()),
                d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));
        ws.index().catchUp(ws.documents());
    }
}
