package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.Connector;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.RequestStats;
import dev.nightjar.connectors.SourceStream;
import java.util.List;

/**
 * Linear: users and teams first (so people exist before the documents naming them), then
 * initiatives, projects, their human-written updates, issues, issue relations and comments.
 */
public final class LinearConnector implements Connector {

    public static final String USERS = "users";
    public static final String TEAMS = "teams";
    public static final String INITIATIVES = "initiatives";
    public static final String PROJECTS = "projects";
    public static final String INITIATIVE_UPDATES = "initiative-updates";
    public static final String PROJECT_UPDATES = "project-updates";
    public static final String ISSUES = "issues";
    public static final String ISSUE_RELATIONS = "issue-relations";
    public static final String COMMENTS = "comments";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinearClient client;
    private final List<StreamSpec> specs;
    private final LinearNormalizer normalizer = new LinearNormalizer();

    public LinearConnector(LinearClient client, List<String> teams) {
        this.client = client;
        this.specs = specs(teams);
    }

    /**
     * The streams and, when {@code teams} is not empty, each one's team selection. Initiatives, their
     * updates and users belong to the whole workspace, so they are not narrowed; issue relations are
     * kept whole because the API cannot filter them (a relation to an unselected team's issue is harmless).
     */
    static List<StreamSpec> specs(List<String> teams) {
        boolean all = teams == null || teams.isEmpty();
        return List.of(
                new StreamSpec(USERS, LinearQueries.USERS, "users", true, null),
                new StreamSpec(TEAMS, LinearQueries.TEAMS, "teams", true, all ? null : keyIn(teams)),
                new StreamSpec(INITIATIVES, LinearQueries.INITIATIVES, "initiatives", true, null),
                new StreamSpec(PROJECTS, LinearQueries.PROJECTS, "projects", true,
                        all ? null : accessibleTo(teams)),
                new StreamSpec(INITIATIVE_UPDATES, LinearQueries.INITIATIVE_UPDATES, "initiativeUpdates", true, null),
                new StreamSpec(PROJECT_UPDATES, LinearQueries.PROJECT_UPDATES, "projectUpdates", true,
                        all ? null : wrap("project", accessibleTo(teams))),
                new StreamSpec(ISSUES, LinearQueries.ISSUES, "issues", true, all ? null : wrap("team", keyIn(teams))),
                new StreamSpec(ISSUE_RELATIONS, LinearQueries.ISSUE_RELATIONS, "issueRelations", false, null),
                new StreamSpec(COMMENTS, LinearQueries.COMMENTS, "comments", true, all ? null : commentsOf(teams)));
    }

    /** {@code { key: { in: [PAY, ASR] } }} (a TeamFilter) */
    private static ObjectNode keyIn(List<String> teams) {
        ObjectNode filter = JSON.createObjectNode();
        ArrayNode in = filter.putObject("key").putArray("in");
        teams.forEach(in::add);
        return filter;
    }

    /** {@code { accessibleTeams: { some: <TeamFilter> } }} (a ProjectFilter) */
    private static ObjectNode accessibleTo(List<String> teams) {
        return wrap("accessibleTeams", wrap("some", keyIn(teams)));
    }

    /** Comments on the selected teams' issues, plus comments on updates (which have no issue). */
    private static ObjectNode commentsOf(List<String> teams) {
        ObjectNode filter = JSON.createObjectNode();
        ArrayNode or = filter.putArray("or");
        or.add(wrap("issue", wrap("team", keyIn(teams))));
        or.add(wrap("issue", JSON.createObjectNode().put("null", true)));
        return filter;
    }

    private static ObjectNode wrap(String field, ObjectNode inner) {
        ObjectNode node = JSON.createObjectNode();
        node.set(field, inner);
        return node;
    }

    @Override
    public String source() {
        return LinearConnectorFactory.SOURCE;
    }

    @Override
    public List<SourceStream> streams() {
        return specs.stream().<SourceStream>map(spec -> new LinearStream(spec, client)).toList();
    }

    @Override
    public Normalizer normalizer() {
        return normalizer;
    }

    @Override
    public RequestStats stats() {
        return client.stats();
    }
}
