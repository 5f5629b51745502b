package dev.nightjar.connectors.wandb;

/**
 * The official SDK's {@code Runs} query (wandb/apis/public/runs.py) with its {@code RunFragment}, less
 * {@code systemMetrics} and {@code historyKeys} (large JSON blobs we do not use), plus the user's
 * {@code email} (a field of W&B's {@code User} type, see the SDK's {@code UserFragment}) so people join
 * across sources.
 */
final class RunsQuery {

    private RunsQuery() {
    }

    static final String TEXT = """
            query Runs($project: String!, $entity: String!, $cursor: String, $perPage: Int = 50, $order: String, $filters: JSONString) {
                project(name: $project, entityName: $entity) {
                    internalId
                    runCount(filters: $filters)
                    readOnly
                    runs(filters: $filters, after: $cursor, first: $perPage, order: $order) {
                        edges {
                            node {
                                projectId
                                ...RunFragment
                            }
                            cursor
                        }
                        pageInfo {
                            endCursor
                            hasNextPage
                        }
                    }
                }
            }

            fragment RunFragment on Run {
                id
                tags
                name
                displayName
                sweepName
                state
                config
                group
                jobType
                commit
                readOnly
                createdAt
                heartbeatAt
                description
                notes
                summaryMetrics
                historyLineCount
                user {
                    name
                    username
                    email
                }
            }
            """;
}
