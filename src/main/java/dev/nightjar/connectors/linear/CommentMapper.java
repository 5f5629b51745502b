package dev.nightjar.connectors.linear;

import static dev.nightjar.connectors.linear.Nodes.SOURCE;
import static dev.nightjar.connectors.linear.Nodes.addPerson;
import static dev.nightjar.connectors.linear.Nodes.instant;
import static dev.nightjar.connectors.linear.Nodes.object;
import static dev.nightjar.connectors.linear.Nodes.put;
import static dev.nightjar.connectors.linear.Nodes.required;
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
import java.util.List;
import java.util.Map;

/**
 * Comments ({@code linear:comment:<id>}): COMMENT_ON the issue, update, project or initiative they
 * were written on. A deleted comment is archived by Linear and is reported in {@code deleted}.
 */
final class CommentMapper {

    private CommentMapper() {
    }

    static Normalized comment(JsonNode n, String raw) {
        DocumentId id = DocumentId.of(SOURCE, "comment", required(n, "id", "comment"));
        List<PersonIdentity> people = new ArrayList<>();
        PersonIdentity author = addPerson(people, Nodes.person(object(n, "user")));
        if (text(n, "archivedAt") != null) return new Normalized(List.of(), List.of(), people, List.of(id));

        JsonNode issue = object(n, "issue");
        JsonNode projectUpdate = object(n, "projectUpdate");
        JsonNode initiativeUpdate = object(n, "initiativeUpdate");
        String issueKey = text(issue, "identifier");
        List<String> projects = new ArrayList<>();
        DocumentId target = null;
        String title;
        if (issueKey != null) {
            target = IssueMapper.issueId(issueKey);
            title = "Comment on " + issueKey + (text(issue, "title") == null ? "" : ": " + text(issue, "title"));
            String team = text(object(issue, "team"), "key");
            if (team != null) projects.add(IssueMapper.teamId(team));
            String project = text(object(issue, "project"), "id");
            if (project != null) projects.add(PlanningMapper.projectId(project).toString());
        } else if (text(projectUpdate, "id") != null) {
            target = DocumentId.of(SOURCE, "project-update", text(projectUpdate, "id"));
            title = "Comment on a project update";
            String project = text(object(projectUpdate, "project"), "id");
            if (project != null) projects.add(PlanningMapper.projectId(project).toString());
        } else if (text(initiativeUpdate, "id") != null) {
            target = DocumentId.of(SOURCE, "initiative-update", text(initiativeUpdate, "id"));
            title = "Comment on an initiative update";
            String initiative = text(object(initiativeUpdate, "initiative"), "id");
            if (initiative != null) projects.add(PlanningMapper.initiativeId(initiative).toString());
        } else if (text(object(n, "project"), "id") != null) {
            target = PlanningMapper.projectId(text(object(n, "project"), "id"));
            title = "Comment on a project";
            projects.add(target.toString());
        } else if (text(object(n, "initiative"), "id") != null) {
            target = PlanningMapper.initiativeId(text(object(n, "initiative"), "id"));
            title = "Comment on an initiative";
            projects.add(target.toString());
        } else {
            title = "Comment"; // on a Linear document or another kind Nightjar does not read
        }

        Map<String, String> props = new LinkedHashMap<>();
        put(props, "on", target == null ? null : target.toString());
        put(props, "thread_parent", text(object(n, "parent"), "id") == null ? null
                : DocumentId.of(SOURCE, "comment", text(object(n, "parent"), "id")).toString());
        put(props, "edited_at", text(n, "editedAt"));
        String body = text(n, "body");
        Document doc = Document.builder(id)
                .url(required(n, "url", "comment " + id.key()))
                .title(title)
                .body(body)
                .author(author == null ? null : author.identity())
                .participants(author == null ? List.of() : List.of(author.identity()))
                .createdAt(instant(n, "createdAt"))
                .updatedAt(instant(n, "updatedAt"))
                .projects(projects)
                .properties(props)
                .rawJson(raw)
                .build();
        List<Link> links = new ArrayList<>();
        if (target != null) links.add(Link.toDocument(id, LinkType.COMMENT_ON, target));
        links.addAll(IssueKeyLinks.links(id, body));
        return new Normalized(List.of(doc), links, people, List.of());
    }
}
