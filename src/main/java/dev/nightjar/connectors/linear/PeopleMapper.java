package dev.nightjar.connectors.linear;

import static dev.nightjar.connectors.linear.Nodes.connection;
import static dev.nightjar.connectors.linear.Nodes.required;
import static dev.nightjar.connectors.linear.Nodes.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import java.util.ArrayList;
import java.util.List;

/** Users (people, not documents) and teams (membership, not documents). */
final class PeopleMapper {

    private PeopleMapper() {
    }

    /** {@code PersonIdentity("linear", <user id>, email, name, timezone)}; disabled users are kept too. */
    static Normalized user(JsonNode n) {
        required(n, "id", "user");
        return new Normalized(List.of(), List.of(), List.of(Nodes.person(n)), List.of());
    }

    /**
     * Teams are not documents ({@code linear:team:KEY} appears in documents' {@code projects}); a team
     * record yields one MENTIONS link from {@code linear:team:KEY} to each member, which is how
     * {@code brief --team KEY} can find the team's people. An archived team yields nothing.
     */
    static Normalized team(JsonNode n) {
        DocumentId team = DocumentId.parse(IssueMapper.teamId(required(n, "key", "team")));
        if (text(n, "archivedAt") != null) return Normalized.empty();
        List<Link> links = new ArrayList<>();
        for (JsonNode member : connection(n, "members")) {
            String id = text(member, "id");
            if (id != null) links.add(Link.toPerson(team, LinkType.MENTIONS, identity(id)));
        }
        return new Normalized(List.of(), links, List.of(), List.of());
    }

    private static String identity(String userId) {
        return Nodes.SOURCE + ":" + userId;
    }
}
