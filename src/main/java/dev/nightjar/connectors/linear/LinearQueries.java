package dev.nightjar.connectors.linear;

import java.util.List;

/**
 * Every GraphQL document the connector sends, verbatim. {@code LinearQueriesTest} validates each one
 * against Linear's published schema and computes its complexity, so what is tested is what is sent.
 *
 * <p>Each query takes {@code $after} (the page cursor) and, where the API has one, {@code $filter}
 * (the {@code updatedAt} watermark plus the team selection). Page sizes are literals so the
 * complexity of a query is a fixed number: Linear rejects any single query above 10,000 points
 * (0.1 per scalar, 1 per object, a connection multiplies its children by {@code first}). The
 * computed costs are noted above each query and asserted in the test.
 */
public final class LinearQueries {

    private LinearQueries() {
    }

    /** Linear's largest page size (third-party guides; the official docs give none). */
    public static final int MAX_PAGE = 250;

    /** Teams carry their member ids, so fewer teams fit a page (see {@link #TEAMS}). */
    public static final int TEAMS_PAGE = 50;


    private static final String USER_REF = """
            fragment UserRef on User { id name displayName email timezone }
            """;

    // complexity 850 (LinearQueriesTest; cap 10,000): 250 × (1 object + 12 scalars) + pageInfo
    public static final String USERS = """
            query NightjarUsers($after: String, $filter: UserFilter) {
              users(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true, includeDisabled: true) {
                nodes { id name displayName email timezone active guest admin url createdAt updatedAt archivedAt }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    // complexity 5,650 (LinearQueriesTest; cap 10,000): 50 × (team 1.8 + members 100 × 1.1 + pageInfo 1.2); at 250 teams it would be 28,250
    public static final String TEAMS = """
            query NightjarTeams($after: String, $filter: TeamFilter) {
              teams(first: 50, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id key name description timezone createdAt updatedAt archivedAt
                  members(first: 100, includeDisabled: true) { nodes { id } }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    // complexity 2,025 (LinearQueriesTest; cap 10,000): 250 × (1 + 17 scalars + owner 1.5 + creator 1.5 + parentInitiative 1.2)
    public static final String INITIATIVES = """
            query NightjarInitiatives($after: String, $filter: InitiativeFilter) {
              initiatives(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id identifier name description content status health healthUpdatedAt targetDate url
                  createdAt updatedAt archivedAt startedAt completedAt canceledAt trashed
                  owner { ...UserRef }
                  creator { ...UserRef }
                  parentInitiative { id name }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    // complexity 7,850 (LinearQueriesTest; cap 10,000): 250 × (1 + 20 scalars + status 1.3 + lead 1.5 + creator 1.5 + initiatives 10 × 1.2 + teams 10 × 1.1)
    public static final String PROJECTS = """
            query NightjarProjects($after: String, $filter: ProjectFilter) {
              projects(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id name description content url health healthUpdatedAt progress priority priorityLabel
                  startDate targetDate createdAt updatedAt archivedAt startedAt completedAt canceledAt trashed slugId
                  status { name type }
                  lead { ...UserRef }
                  creator { ...UserRef }
                  initiatives(first: 10) { nodes { id name } }
                  teams(first: 10) { nodes { key } }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    // complexity 1,425 (LinearQueriesTest; cap 10,000): 250 × (1 + 8 scalars + user 1.5 + project 1.2)
    public static final String PROJECT_UPDATES = """
            query NightjarProjectUpdates($after: String, $filter: ProjectUpdateFilter) {
              projectUpdates(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id body health url createdAt updatedAt editedAt archivedAt
                  user { ...UserRef }
                  project { id name }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    // complexity 1,425 (LinearQueriesTest; cap 10,000): 250 × (1 + 8 scalars + user 1.5 + initiative 1.2)
    public static final String INITIATIVE_UPDATES = """
            query NightjarInitiativeUpdates($after: String, $filter: InitiativeUpdateFilter) {
              initiativeUpdates(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id body health url createdAt updatedAt editedAt archivedAt
                  user { ...UserRef }
                  initiative { id name }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    // complexity 8,675 (LinearQueriesTest; cap 10,000): 250 × (1 + 16 scalars + state + assignee + creator + team + project + cycle + parent + labels 20 × 1.1)
    public static final String ISSUES = """
            query NightjarIssues($after: String, $filter: IssueFilter) {
              issues(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id identifier title description url priority priorityLabel estimate dueDate
                  createdAt updatedAt startedAt completedAt canceledAt archivedAt trashed
                  state { name type }
                  assignee { ...UserRef }
                  creator { ...UserRef }
                  team { key name }
                  project { id name }
                  cycle { number name }
                  parent { identifier }
                  labels(first: 20) { nodes { name } }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    /*
     * Query.issueRelations takes no filter, so this stream walks the relations ordered by updatedAt and
     * keeps only those changed since the watermark (and stops early when the API returns newest first).
     * complexity 1,225 (LinearQueriesTest; cap 10,000): 250 × (1 + 5 scalars + issue 1.1 + relatedIssue 1.1)
     */
    public static final String ISSUE_RELATIONS = """
            query NightjarIssueRelations($after: String) {
              issueRelations(first: 250, after: $after, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id type createdAt updatedAt archivedAt
                  issue { identifier }
                  relatedIssue { identifier }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    /*
     * The standalone comments connection, ordered by updatedAt, so a late comment on an old issue is
     * found without re-reading the issue (and every comment, not only an issue's first page of them).
     * complexity 3,875 (LinearQueriesTest; cap 10,000): 250 × (1 + 7 scalars + user 1.5 + issue 3.6 + projectUpdate 2.1 + initiativeUpdate 2.1 + project 1.1 + initiative 1.1 + parent 1.1)
     */
    public static final String COMMENTS = """
            query NightjarComments($after: String, $filter: CommentFilter) {
              comments(first: 250, after: $after, filter: $filter, orderBy: updatedAt, includeArchived: true) {
                nodes {
                  id body url createdAt updatedAt editedAt archivedAt
                  user { ...UserRef }
                  issue { identifier title team { key } project { id } }
                  projectUpdate { id project { id } }
                  initiativeUpdate { id initiative { id } }
                  project { id }
                  initiative { id }
                  parent { id }
                }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + USER_REF;

    /** All query texts, for the schema-validation test. */
    /**
     * The rest of a nested connection that said {@code hasNextPage} inside a page of its parents
     * ({@link NestedConnections}): {@code %1$s} the parent entity, {@code %2$s} the field and its
     * arguments, {@code %3$s} the node selection. The parent id is the node's own {@code id}.
     */
    static final String NESTED_REST = """
            query NightjarNestedRest($id: String!, $after: String) {
              %1$s(id: $id) {
                %2$s { nodes { %3$s } pageInfo { hasNextPage endCursor } }
              }
            }
            """;

    public static List<String> all() {
        return List.of(USERS, TEAMS, INITIATIVES, PROJECTS, PROJECT_UPDATES, INITIATIVE_UPDATES, ISSUES,
                ISSUE_RELATIONS, COMMENTS);
    }
}
