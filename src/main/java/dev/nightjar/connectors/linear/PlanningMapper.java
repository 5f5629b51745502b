package dev.nightjar.connectors.linear;

import static dev.nightjar.connectors.linear.Nodes.SOURCE;
import static dev.nightjar.connectors.linear.Nodes.addPerson;
import static dev.nightjar.connectors.linear.Nodes.connection;
import static dev.nightjar.connectors.linear.Nodes.instant;
import static dev.nightjar.connectors.linear.Nodes.number;
import static dev.nightjar.connectors.linear.Nodes.object;
import static dev.nightjar.connectors.linear.Nodes.put;
import static dev.nightjar.connectors.linear.Nodes.required;
import static dev.nightjar.connectors.linear.Nodes.snake;
import static dev.nightjar.connectors.linear.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Initiatives, projects and their human-written updates (the team's own status statements, with
 * health on_track / at_risk / off_track).
 */
final class PlanningMapper {

    private PlanningMapper() {
    }

    static DocumentId projectId(String id) {
        return DocumentId.of(SOURCE, "project", id);
    }

    static DocumentId initiativeId(String id) {
        return DocumentId.of(SOURCE, "initiative", id);
    }

    /** Trashed → deleted; archived projects stay (with {@code archived_at}), like issues. */
    static Normalized project(JsonNode n, String raw) {
        DocumentId id = projectId(required(n, "id", "project"));
        List<PersonIdentity> people = new ArrayList<>();
        PersonIdentity lead = addPerson(people, Nodes.person(object(n, "lead")));
        PersonIdentity creator = addPerson(people, Nodes.person(object(n, "creator")));
        if (n.path("trashed").asBoolean(false)) return new Normalized(List.of(), List.of(), people, List.of(id));
        JsonNode status = object(n, "status");

        List<String> projects = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (JsonNode initiative : connection(n, "initiatives")) {
            String initiativeKey = text(initiative, "id");
            if (initiativeKey == null) continue;
            projects.add(initiativeId(initiativeKey).toString());
            links.add(Link.toDocument(id, LinkType.PART_OF, initiativeId(initiativeKey)));
        }
        for (JsonNode team : connection(n, "teams")) {
            if (text(team, "key") != null) projects.add(IssueMapper.teamId(text(team, "key")));
        }
        if (lead != null) links.add(Link.toPerson(id, LinkType.ASSIGNED_TO, lead.identity()));

        Map<String, String> props = new LinkedHashMap<>();
        put(props, "status", text(status, "name"));
        put(props, "status_type", text(status, "type"));
        put(props, "target_date", text(n, "targetDate"));
        put(props, "start_date", text(n, "startDate"));
        put(props, "progress", number(n, "progress"));
        put(props, "lead", lead == null ? null : lead.name());
        put(props, "health", snake(text(n, "health")));
        put(props, "health_updated_at", text(n, "healthUpdatedAt"));
        put(props, "priority", number(n, "priority"));
        put(props, "priority_label", text(n, "priorityLabel"));
        put(props, "started_at", text(n, "startedAt"));
        put(props, "completed_at", text(n, "completedAt"));
        put(props, "canceled_at", text(n, "canceledAt"));
        put(props, "archived_at", text(n, "archivedAt"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (n.path("progress").isNumber()) metrics.put("progress", n.path("progress").asDouble());

        String description = text(n, "description");
        String content = text(n, "content");
        Document doc = Document.builder(id)
                .url(required(n, "url", "project " + id.key()))
                .title(required(n, "name", "project " + id.key()))
                .body(Nodes.joinNonBlank("\n\n", description, content))
                .author(creator == null ? null : creator.identity())
                .participants(identities(lead, creator))
                .createdAt(instant(n, "createdAt"))
                .updatedAt(instant(n, "updatedAt"))
                .state(projectState(text(status, "type")))
                .projects(projects)
                .properties(props)
                .metrics(metrics)
                .rawJson(raw)
                .build();
        links.addAll(IssueKeyLinks.links(id, description, content));
        return new Normalized(List.of(doc), links, people, List.of());
    }

    /** Trashed → deleted; archived initiatives stay (with {@code archived_at}). */
    static Normalized initiative(JsonNode n, String raw) {
        DocumentId id = initiativeId(required(n, "id", "initiative"));
        List<PersonIdentity> people = new ArrayList<>();
        PersonIdentity owner = addPerson(people, Nodes.person(object(n, "owner")));
        PersonIdentity creator = addPerson(people, Nodes.person(object(n, "creator")));
        if (n.path("trashed").asBoolean(false)) return new Normalized(List.of(), List.of(), people, List.of(id));
        String parent = text(object(n, "parentInitiative"), "id");

        List<Link> links = new ArrayList<>();
        if (parent != null) links.add(Link.toDocument(id, LinkType.PART_OF, initiativeId(parent)));
        if (owner != null) links.add(Link.toPerson(id, LinkType.ASSIGNED_TO, owner.identity()));

        Map<String, String> props = new LinkedHashMap<>();
        put(props, "identifier", text(n, "identifier"));
        put(props, "status", text(n, "status"));
        put(props, "target_date", text(n, "targetDate"));
        put(props, "owner", owner == null ? null : owner.name());
        put(props, "health", snake(text(n, "health")));
        put(props, "health_updated_at", text(n, "healthUpdatedAt"));
        put(props, "parent", parent);
        put(props, "started_at", text(n, "startedAt"));
        put(props, "completed_at", text(n, "completedAt"));
        put(props, "canceled_at", text(n, "canceledAt"));
        put(props, "archived_at", text(n, "archivedAt"));

        String description = text(n, "description");
        String content = text(n, "content");
        Document doc = Document.builder(id)
                .url(required(n, "url", "initiative " + id.key()))
                .title(required(n, "name", "initiative " + id.key()))
                .body(Nodes.joinNonBlank("\n\n", description, content))
                .author(creator == null ? null : creator.identity())
                .participants(identities(owner, creator))
                .createdAt(instant(n, "createdAt"))
                .updatedAt(instant(n, "updatedAt"))
                .state(initiativeState(text(n, "status")))
                .projects(parent == null ? List.of() : List.of(initiativeId(parent).toString()))
                .properties(props)
                .rawJson(raw)
                .build();
        links.addAll(IssueKeyLinks.links(id, description, content));
        return new Normalized(List.of(doc), links, people, List.of());
    }

    static Normalized projectUpdate(JsonNode n, String raw) {
        JsonNode project = object(n, "project");
        return update(n, raw, "project-update", projectId(required(project, "id", "project update's project")),
                text(project, "name"), "project");
    }

    static Normalized initiativeUpdate(JsonNode n, String raw) {
        JsonNode initiative = object(n, "initiative");
        return update(n, raw, "initiative-update",
                initiativeId(required(initiative, "id", "initiative update's initiative")), text(initiative, "name"),
                "initiative");
    }

    /**
     * An update is a COMMENT_ON its project or initiative. Linear archives an update when it is
     * deleted (or its parent is), and a deleted status statement must not be cited: archived → deleted.
     */
    private static Normalized update(JsonNode n, String raw, String kind, DocumentId parent, String parentName,
                                     String parentKind) {
        DocumentId id = DocumentId.of(SOURCE, kind, required(n, "id", kind));
        List<PersonIdentity> people = new ArrayList<>();
        PersonIdentity author = addPerson(people, Nodes.person(object(n, "user")));
        if (text(n, "archivedAt") != null) return new Normalized(List.of(), List.of(), people, List.of(id));
        String health = snake(text(n, "health"));

        Map<String, String> props = new LinkedHashMap<>();
        put(props, "health", health);
        put(props, parentKind, parent.key());
        put(props, parentKind + "_name", parentName);
        put(props, "edited_at", text(n, "editedAt"));
        String title = (parentName == null ? "Update" : parentName + " update")
                + (health == null ? "" : " (" + health.replace('_', ' ') + ")");
        String body = text(n, "body");
        Document doc = Document.builder(id)
                .url(required(n, "url", kind + " " + id.key()))
                .title(title)
                .body(body)
                .author(author == null ? null : author.identity())
                .participants(identities(author))
                .createdAt(instant(n, "createdAt"))
                .updatedAt(instant(n, "updatedAt"))
                .projects(List.of(parent.toString()))
                .properties(props)
                .rawJson(raw)
                .build();
        List<Link> links = new ArrayList<>();
        links.add(Link.toDocument(id, LinkType.COMMENT_ON, parent));
        links.addAll(IssueKeyLinks.links(id, body));
        return new Normalized(List.of(doc), links, people, List.of());
    }

    /** ProjectStatusType → normalized state. */
    static String projectState(String type) {
        if (type == null) return null;
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "backlog", "planned" -> "open";
            case "started" -> "in_progress";
            case "paused" -> "paused";
            case "completed" -> "done";
            case "canceled" -> "canceled";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    /** InitiativeStatus (Proposed, Planned, Active, Completed, Canceled) → normalized state. */
    static String initiativeState(String status) {
        if (status == null) return null;
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "proposed", "planned" -> "open";
            case "active" -> "in_progress";
            case "completed" -> "done";
            case "canceled" -> "canceled";
            default -> status.toLowerCase(Locale.ROOT);
        };
    }

    private static List<String> identities(PersonIdentity... people) {
        Set<String> out = new LinkedHashSet<>();
        for (PersonIdentity person : people) if (person != null) out.add(person.identity());
        return List.copyOf(out);
    }
}
