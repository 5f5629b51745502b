package dev.nightjar.connectors.linear;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every query the connector sends, validated against Linear's schema and costed under the cap. */
class LinearQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROOT_FIRST = Pattern.compile("\\{\\s*(\\w+)\\(first: (\\d+)");

    @Test
    void everyQueryIsValidAgainstTheSchema() {
        assertThat(LinearQueries.all()).hasSize(9);
        for (String query : LinearQueries.all()) {
            assertThat(LinearSchema.errors(query, Map.of())).as(query).isEmpty();
        }
    }

    @Test
    void everyStreamsVariablesAreValidForItsQuery_withAndWithoutTeamsWatermarkAndCursor() {
        StreamCursor mid = new StreamCursor("2026-11-20T10:15:30.123Z", "opaque-end-cursor", "2026-11-21T00:00:00.000Z");
        for (List<String> teams : List.of(List.<String>of(), List.of("PAY", "ASR"))) {
            for (StreamSpec spec : LinearConnector.specs(teams)) {
                LinearStream stream = new LinearStream(spec, null);
                for (StreamCursor at : List.of(StreamCursor.START, mid)) {
                    Map<String, Object> variables = JSON.convertValue(stream.variables(at), Map.class);
                    assertThat(LinearSchema.errors(spec.query(), variables)).as(spec.name() + " " + variables).isEmpty();
                }
            }
        }
    }

    @Test
    void theValidationCanFail_wrongFieldsArgumentsAndFilterValuesAreRejected() {
        assertThat(LinearSchema.errors("query { issues(first: 250) { nodes { identifer } } }", Map.of()))
                .anySatisfy(e -> assertThat(e).contains("identifer"));
        assertThat(LinearSchema.errors("query { issues(first: 250, orderBy: updated) { nodes { id } } }", Map.of()))
                .isNotEmpty();
        assertThat(LinearSchema.errors("query { issueRelations(first: 250, filter: {}) { nodes { id } } }", Map.of()))
                .isNotEmpty();
        assertThat(LinearSchema.errors(LinearQueries.ISSUES,
                Map.of("filter", Map.of("updatedAt", Map.of("after", "2026-01-01T00:00:00Z"))))).isNotEmpty();
        assertThat(LinearSchema.errors(LinearQueries.COMMENTS,
                Map.of("filter", Map.of("team", Map.of("key", Map.of("in", List.of("PAY"))))))).isNotEmpty();
    }

    @Test
    void complexityModelMatchesLinearsDocumentedExamples() {
        assertThat(LinearSchema.complexity("query { viewer { name } }")).isEqualTo(2);
        assertThat(LinearSchema.complexity("query { viewer { createdIssues { nodes { id title createdAt } } } }"))
                .isEqualTo(66);
        assertThat(LinearSchema.complexity("query { viewer { createdIssues(first: 10) { nodes { id title createdAt } } } }"))
                .isEqualTo(14);
    }

    @Test
    void everyQueryStaysUnderTheComplexityCap() {
        for (String query : LinearQueries.all()) {
            double cost = LinearSchema.complexity(query);
            System.out.printf("complexity %-28s %6.0f%n", name(query), cost);
            assertThat(cost).as(name(query)).isLessThanOrEqualTo(10_000);
        }
    }

    @Test
    void everyRootConnectionAsksForTheLargestPageTheBudgetAllows() {
        for (String query : LinearQueries.all()) {
            Matcher m = ROOT_FIRST.matcher(query);
            assertThat(m.find()).as(query).isTrue();
            int expected = m.group(1).equals("teams") ? LinearQueries.TEAMS_PAGE : LinearQueries.MAX_PAGE;
            assertThat(Integer.parseInt(m.group(2))).as(m.group(1)).isEqualTo(expected);
            assertThat(query).contains("orderBy: updatedAt").contains("includeArchived: true")
                    .contains("pageInfo { hasNextPage endCursor }");
        }
        // 250 teams with 100 member ids each would be ~28,000 points: that is why teams page by 50
        String teamsAt250 = LinearQueries.TEAMS.replace("teams(first: 50", "teams(first: 250");
        assertThat(LinearSchema.complexity(teamsAt250)).isGreaterThan(10_000);
    }

    private static String name(String query) {
        Matcher m = Pattern.compile("query (\\w+)").matcher(query);
        return m.find() ? m.group(1) : "?";
    }
}
