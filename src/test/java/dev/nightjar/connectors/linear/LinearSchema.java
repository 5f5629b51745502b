package dev.nightjar.connectors.linear;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphQLException;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test helper: Linear's published schema (src/main/resources/sandbox/linear/schema.graphql, shared with the sandbox; copied from
 * shared/api/linear) loaded once with graphql-java, to validate queries and their variables and to
 * estimate a query's complexity the way Linear documents it.
 */
final class LinearSchema {

    static final GraphQLSchema SCHEMA = load();

    private LinearSchema() {
    }

    private static GraphQLSchema load() {
        try (InputStream in = LinearSchema.class.getResourceAsStream("/sandbox/linear/schema.graphql")) {
            String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(sdl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validation errors of {@code query} against the schema, then (when the document is valid)
     * coercion errors of {@code variables} against the query's variable types — so a misspelt filter
     * field in the variables fails as surely as a misspelt field in the query.
     */
    static List<String> errors(String query, Map<String, Object> variables) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA,
                ExecutionInput.newExecutionInput(query).variables(variables).build());
        List<String> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) errors.add(error.getMessage());
        if (!errors.isEmpty()) return errors;
        OperationDefinition operation = result.getDocument().getDefinitionsOfType(OperationDefinition.class).get(0);
        try {
            ValuesResolver.coerceVariableValues(SCHEMA, operation.getVariableDefinitions(),
                    RawVariables.of(variables), GraphQLContext.getDefault(), Locale.ROOT);
        } catch (GraphQLException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    /**
     * Linear's complexity model (FACTS.md): 0.1 per scalar, 1 per object, a connection multiplies
     * everything under it by {@code first} (default 50), total rounded up. Conservative: a
     * connection's {@code pageInfo} is multiplied too, so the real cost is at most this.
     */
    static double complexity(String query) {
        Document doc = graphql.parser.Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        doc.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        OperationDefinition operation = doc.getDefinitionsOfType(OperationDefinition.class).get(0);
        return Math.ceil(cost(operation.getSelectionSet(), SCHEMA.getQueryType(), fragments) - 1e-9);
    }

    private static double cost(SelectionSet set, GraphQLFieldsContainer parent, Map<String, FragmentDefinition> fragments) {
        double total = 0;
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                total += fieldCost(field, parent, fragments);
            } else if (selection instanceof FragmentSpread spread) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                total += cost(fragment.getSelectionSet(),
                        (GraphQLFieldsContainer) SCHEMA.getType(fragment.getTypeCondition().getName()), fragments);
            } else if (selection instanceof InlineFragment inline) {
                total += cost(inline.getSelectionSet(), parent, fragments);
            }
        }
        return total;
    }

    private static double fieldCost(Field field, GraphQLFieldsContainer parent, Map<String, FragmentDefinition> fragments) {
        GraphQLFieldDefinition definition = parent.getFieldDefinition(field.getName());
        GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
        if (field.getSelectionSet() == null) return 0.1;
        GraphQLFieldsContainer container = (GraphQLFieldsContainer) type;
        double children = cost(field.getSelectionSet(), container, fragments);
        if (container.getName().endsWith("Connection")) return first(field) * children;
        // an object, or a connection's `nodes` list whose per-item cost the connection multiplies
        return 1 + children;
    }

    private static int first(Field field) {
        for (Argument argument : field.getArguments()) {
            if (argument.getName().equals("first") && argument.getValue() instanceof IntValue value) {
                return value.getValue().intValue();
            }
        }
        return 50;
    }
}
