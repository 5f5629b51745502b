package dev.nightjar.connectors.linear;

import static dev.nightjar.connectors.linear.Nodes.SOURCE;
import static dev.nightjar.connectors.linear.Nodes.connection;
import static dev.nightjar.connectors.linear.Nodes.instant;
import static dev.nightjar.connectors.linear.Nodes.number;
import static dev.nightjar.connectors.linear.Nodes.object;
import static dev.nightjar.connectors.linear.Nodes.put;
import static dev.nightjar.connectors.linear.Nodes.required;
import static dev.nightjar.connectors.linear.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.connectors.MalformedRecordException;
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

/** Issues ({@code linear:issue:ASR-117}) and issue relations (links between issues). */
final class IssueMapper {

    private IssueMapper() {
    }

    static DocumentId issueId(String identifier) {
        return DocumentId.of(SOURCE, "issue", identifier);
    }

    /**
     * An issue. A trashed (deleted) issue is reported in {@code deleted}; an archived one is kept as a
     * document with {@code archived_at}: Linear auto-archives old closed issues, and they remain the
     * record of what was done, so status answers must still see them.
     */
    static Normalized issue(JsonNode n, String raw) {
        String key = required(n, "identifier", "issue");
        DocumentId id = issueId(key);
        List<PersonIdentity> people = new ArrayList<>();
        PersonIdentity assignee = Nodes.addPerson(people, Nodes.person(object(n, "assignee")));
        PersonIdentity creator = Nodes.addPerson(people, Nodes.person(object(n, "creator")));
        if (n.path("trashed").asBoolean(false)) {
            return new Normalized(List.of(), List.of(), people, List.of(id));
        }
        String url = required(n, "url", "issue " + key);
        JsonNode state = object(n, "state");
        JsonNode team = object(n, "team");
        JsonNode project = object(n, "project");
        JsonNode cycle = object(n, "cycle");
        String teamKey = text(team, "key");
        String projectId = text(project, "id");
        String parent = text(object(n, "parent"), "identifier");

        Set<String> participants = new LinkedHashSet<>();
        if (creator != null) participants.add(creator.identity());
        if (assignee != null) participants.add(assignee.identity());
        List<String> projects = new ArrayList<>();
        if (teamKey != null) projects.add(teamId(teamKey));
        if (projectId != null) projects.add(PlanningMapper.projectId(projectId).toString());
        List<String> labels = connection(n, "labels").stream().map(l -> text(l, "name")).filter(l -> l != null).toList();

        Map<String, String> props = new LinkedHashMap<>();
        put(props, "identifier", key);
        put(props, "team", teamKey);
        put(props, "team_name", text(team, "name"));
        put(props, "priority", number(n, "priority"));
        put(props, "priority_label", text(n, "priorityLabel"));
        put(props, "state_name", text(state, "name"));
        put(props, "state_type", text(state, "type"));
        put(props, "estimate", number(n, "estimate"));
        put(props, "cycle", number(cycle, "number"));
        put(props, "cycle_name", text(cycle, "name"));
        put(props, "project", projectId);
        put(props, "project_name", text(project, "name"));
        put(props, "due_date", text(n, "dueDate"));
        put(props, "assignee", assignee == null ? null : assignee.name());
        put(props, "parent", parent);
        put(props, "started_at", text(n, "startedAt"));
        put(props, "completed_at", text(n, "completedAt"));
        put(props, "canceled_at", text(n, "canceledAt"));
        put(props, "archived_at", text(n, "archivedAt"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (n.path("estimate").isNumber()) metrics.put("estimate", n.path("estimate").asDouble());
        if (n.path("priority").isNumber()) metrics.put("priority", n.path("priority").asDouble());

        Document doc = Document.builder(id)
                .url(url)
                .title(required(n, "title", "issue " + key))
                .body(text(n, "description"))
                .author(creator == null ? null : creator.identity())
                .participants(List.copyOf(participants))
                .createdAt(instant(n, "createdAt"))
                .updatedAt(instant(n, "updatedAt"))
                .state(state(text(state, "type")))
                .projects(projects)
                .labels(labels)
                .properties(props)
                .metrics(metrics)
                .rawJson(raw)
                .build();

        List<Link> links = new ArrayList<>();
        if (projectId != null) links.add(Link.toDocument(id, LinkType.PART_OF, PlanningMapper.projectId(projectId)));
        if (parent != null) links.add(Link.toDocument(id, LinkType.PART_OF, issueId(parent)));
        if (assignee != null) links.add(Link.toPerson(id, LinkType.ASSIGNED_TO, assignee.identity()));
        links.addAll(IssueKeyLinks.links(id, n.path("title").asText(""), text(n, "description")));
        return new Normalized(List.of(doc), links, people, List.of());
    }

    /** Workflow state type → normalized state (backlog/unstarted/triage → open, started → in_progress, ...). */
    static String state(String type) {
        if (type == null) return null;
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "backlog", "unstarted", "triage" -> "open";
            case "started" -> "in_progress";
            case "completed" -> "done";
            case "canceled", "cancelled", "duplicate" -> "canceled";
            default -> type.toLowerCase(Locale.ROOT);
        };
    }

    /**
     * A relation: {@code blocks} → BLOCKS from blocker to blocked; the inverse spelling
     * ({@code blocked_by}, as some clients and webhooks name it) is turned around so either side's
     * record yields the same edge; duplicate/related/similar → RELATED. A deleted relation is
     * archived by Linear and yields nothing (a link cannot be reported as deleted; see the report).
     */
    static Normalized relation(JsonNode n) {
        String from = text(object(n, "issue"), "identifier");
        String to = text(object(n, "relatedIssue"), "identifier");
        String type = text(n, "type");
        if (from == null || to == null || type == null) {
            throw new MalformedRecordException("linear issue relation " + text(n, "id") + " without both issues and a type");
        }
        if (text(n, "archivedAt") != null) return Normalized.empty();
        String kind = type.toLowerCase(Locale.ROOT).replace("-", "_");
        Link link = switch (kind) {
            case "blocks" -> Link.toDocument(issueId(from), LinkType.BLOCKS, issueId(to));
            case "blocked_by", "blockedby" -> Link.toDocument(issueId(to), LinkType.BLOCKS, issueId(from));
            default -> Link.toDocument(issueId(from), LinkType.RELATED, issueId(to));
        };
        return new Normalized(List.of(), List.of(link), List.of(), List.of());
    }

    static String teamId(String key) {
        return DocumentId.of(SOURCE, "team", key).toString();
    }

}
