package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.Directives;
import graphql.language.ArrayValue;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.TypeUtil;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.ScalarTypeDefinition;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Linear's GraphQL endpoint: every request is executed by graphql-java against Linear's published
 * schema ({@code sandbox/linear/schema.graphql}), so an invalid query or variable fails exactly as it
 * would at Linear (a GraphQL {@code errors} array). The root connections the connector reads are wired
 * to the {@link SampleCompany} with {@code first}/{@code after}/{@code orderBy} and a generic
 * {@code filter} evaluator (comparators {@code eq neq gt gte lt lte in nin null}, {@code and}/{@code or},
 * nested relation filters and {@code some}/{@code every}); every other field is read from the model's
 * maps by graphql-java's default property fetcher. Unknown root fields resolve to null.
 */
final class LinearServer extends ApiServer {

    static final String PATH = "/graphql";
    private static final String COMPANY = "company";
    private static volatile GraphQL graphQL;

    LinearServer(SampleCompany company) {
        super("linear", company);
        engine(); // parse the schema once per JVM, before the first request
    }

    String endpoint() {
        return origin() + PATH;
    }

    @Override
    void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, 404, "{\"errors\":[{\"message\":\"Not found\",\"extensions\":{\"code\":\"NOT_FOUND\"}}]}", Map.of());
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "{\"errors\":[{\"message\":\"GraphQL only supports POST requests\"}]}", Map.of());
            return;
        }
        if (bearer(exchange) == null || bearer(exchange).isBlank()) {
            send(exchange, 400, "{\"errors\":[{\"message\":\"Authentication required, not authenticated\","
                    + "\"extensions\":{\"code\":\"AUTHENTICATION_ERROR\",\"type\":\"authentication error\","
                    + "\"userPresentableMessage\":\"You need to authenticate to access this operation.\"}}]}", Map.of());
            return;
        }
        JsonNode body = body(exchange);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = body.path("variables").isObject()
                ? JSON.convertValue(body.path("variables"), Map.class) : Map.of();
        ExecutionInput input = ExecutionInput.newExecutionInput(body.path("query").asText(""))
                .operationName(body.path("operationName").isTextual() ? body.path("operationName").asText() : null)
                .variables(variables)
                .graphQLContext(Map.of(COMPANY, company))
                .build();
        ExecutionResult result;
        synchronized (company) {
            result = engine().execute(input);
        }
        // Linear's rate-limit headers (reset in epoch milliseconds); the sandbox never throttles
        long reset = java.time.Instant.now().plusSeconds(3600).toEpochMilli();
        send(exchange, 200, JSON.writeValueAsString(result.toSpecification()), Map.of(
                "X-RateLimit-Requests-Limit", "5000",
                "X-RateLimit-Requests-Remaining", String.valueOf(Math.max(0, 5000 - requestCount())),
                "X-RateLimit-Requests-Reset", String.valueOf(reset)));
    }

    // ---------------------------------------------------------------- schema and wiring

    static GraphQL engine() {
        GraphQL g = graphQL;
        if (g == null) {
            synchronized (LinearServer.class) {
                if (graphQL == null) graphQL = GraphQL.newGraphQL(buildSchema()).build();
                g = graphQL;
            }
        }
        return g;
    }

    private static GraphQLSchema buildSchema() {
        String sdl;
        try (InputStream in = LinearServer.class.getResourceAsStream("/sandbox/linear/schema.graphql")) {
            sdl = new String(Objects.requireNonNull(in, "sandbox/linear/schema.graphql").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TypeDefinitionRegistry registry = served(new SchemaParser().parse(sdl));
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new MapWiring());
        for (ScalarTypeDefinition scalar : registry.scalars().values()) {
            if (!List.of("String", "Int", "Float", "Boolean", "ID").contains(scalar.getName())) {
                wiring.scalar(passThrough(scalar.getName()));
            }
        }
        wiring.type("Query", t -> t
                .dataFetcher("users", connection(c -> c.linearUsers))
                .dataFetcher("teams", connection(c -> c.teams))
                .dataFetcher("initiatives", connection(c -> c.initiatives))
                .dataFetcher("projects", connection(c -> c.projects))
                .dataFetcher("projectUpdates", connection(c -> c.projectUpdates))
                .dataFetcher("initiativeUpdates", connection(c -> c.initiativeUpdates))
                .dataFetcher("issues", connection(c -> c.issues))
                .dataFetcher("issueRelations", connection(c -> c.issueRelations))
                .dataFetcher("comments", connection(c -> c.comments)));
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    static final List<String> SERVED = List.of("users", "teams", "initiatives", "projects", "projectUpdates",
            "initiativeUpdates", "issues", "issueRelations", "comments");

    /**
     * Linear's schema cut to what {@link #SERVED} can reach: {@code Query} keeps only those nine
     * connections, and every type reachable from them (fields, arguments, input fields, interfaces,
     * union members) is kept whole, so any query over them validates exactly as against the full
     * schema. Mutations, subscriptions and unreachable types are dropped: building the executable
     * schema from all 1.25 MB takes several seconds, the cut one a fraction of that.
     */
    static TypeDefinitionRegistry served(TypeDefinitionRegistry full) {
        Map<String, TypeDefinition> types = full.types();
        ObjectTypeDefinition query = (ObjectTypeDefinition) types.get("Query");
        ObjectTypeDefinition cut = query.transform(b -> b.fieldDefinitions(
                query.getFieldDefinitions().stream().filter(f -> SERVED.contains(f.getName())).toList()));
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        @SuppressWarnings("rawtypes") java.util.function.Consumer<Type> ref = t -> {
            String name = TypeUtil.unwrapAll(t).getName();
            if (keep.add(name)) todo.add(name);
        };
        keep.add("Query");
        cut.getFieldDefinitions().forEach(f -> {
            ref.accept(f.getType());
            f.getInputValueDefinitions().forEach(a -> ref.accept(a.getType()));
        });
        full.getDirectiveDefinitions().values().forEach(d -> d.getInputValueDefinitions().forEach(a -> ref.accept(a.getType())));
        while (!todo.isEmpty()) {
            TypeDefinition<?> def = types.get(todo.poll());
            if (def instanceof ImplementingTypeDefinition<?> impl) {
                impl.getFieldDefinitions().forEach(f -> {
                    ref.accept(f.getType());
                    f.getInputValueDefinitions().forEach(a -> ref.accept(a.getType()));
                });
                impl.getImplements().forEach(ref);
            } else if (def instanceof InputObjectTypeDefinition in) {
                in.getInputValueDefinitions().forEach(v -> ref.accept(v.getType()));
            } else if (def instanceof UnionTypeDefinition u) {
                u.getMemberTypes().forEach(ref);
            }
        }
        TypeDefinitionRegistry out = new TypeDefinitionRegistry();
        out.add(cut);
        for (String name : keep) {
            if (!name.equals("Query") && types.containsKey(name)) out.add(types.get(name));
            if (full.scalars().containsKey(name) && !ScalarInfo.isGraphqlSpecifiedScalar(name)) out.add(full.scalars().get(name));
        }
        full.getDirectiveDefinitions().values().stream()
                .filter(d -> !Directives.isBuiltInDirective(d.getName())).forEach(out::add);
        return out;
    }

    /** Interfaces and unions resolve by {@code __typename} when the map has one (nothing the connector reads needs it). */
    private static final class MapWiring implements WiringFactory {
        private final TypeResolver resolver = env -> {
            Object o = env.getObject();
            String name = o instanceof Map<?, ?> m && m.get("__typename") instanceof String s ? s : null;
            return name == null ? null : env.getSchema().getObjectType(name);
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return resolver;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return resolver;
        }

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return false;
        }
    }

    /** Linear's custom scalars (DateTime, TimelessDate, JSON, ...) travel as the model holds them. */
    private static GraphQLScalarType passThrough(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            @SuppressWarnings("deprecation")
            public Object serialize(Object value) {
                return value;
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseValue(Object input) {
                return input;
            }

            @Override
            @SuppressWarnings("deprecation")
            public Object parseLiteral(Object input) {
                return literal((Value<?>) input);
            }
        }).build();
    }

    private static Object literal(Value<?> v) {
        if (v instanceof StringValue s) return s.getValue();
        if (v instanceof IntValue i) return i.getValue();
        if (v instanceof FloatValue f) return f.getValue();
        if (v instanceof BooleanValue b) return b.isValue();
        if (v instanceof EnumValue e) return e.getName();
        if (v instanceof NullValue || v instanceof VariableReference) return null;
        if (v instanceof ArrayValue a) return a.getValues().stream().map(LinearServer::literal).toList();
        if (v instanceof ObjectValue o) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (ObjectField f : o.getObjectFields()) m.put(f.getName(), literal(f.getValue()));
            return m;
        }
        throw new CoercingParseLiteralException("unsupported literal " + v);
    }

    // ---------------------------------------------------------------- connections

    /**
     * A Relay connection over one list of the model: filtered, ordered by {@code orderBy}
     * ({@code createdAt} by default, ascending, id as tie-break), then {@code first} (default 50)
     * nodes after the node whose id is {@code after}.
     */
    private static DataFetcher<Map<String, Object>> connection(Function<SampleCompany, List<Map<String, Object>>> source) {
        return env -> {
            SampleCompany company = ((GraphQLContext) env.getGraphQlContext()).get(COMPANY);
            Map<String, Object> filter = env.getArgument("filter");
            Object orderByArg = env.getArgument("orderBy");
            String orderBy = orderByArg == null ? "createdAt" : orderByArg.toString();
            boolean includeArchived = Boolean.TRUE.equals(env.getArgument("includeArchived"));
            Integer firstArg = env.getArgument("first");
            int first = firstArg == null ? 50 : firstArg;
            String after = env.getArgument("after");

            List<Map<String, Object>> all = new ArrayList<>();
            for (Map<String, Object> node : source.apply(company)) {
                if (!includeArchived && node.get("archivedAt") != null) continue;
                if (filter == null || matches(node, filter)) all.add(node);
            }
            all.sort(Comparator.<Map<String, Object>, String>comparing(n -> String.valueOf(n.get(orderBy)))
                    .thenComparing(n -> String.valueOf(n.get("id"))));
            int start = 0;
            if (after != null) {
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).get("id").equals(after)) {
                        start = i + 1;
                        break;
                    }
                }
            }
            int end = Math.min(all.size(), start + Math.max(0, first));
            List<Map<String, Object>> page = all.subList(start, end);
            List<Map<String, Object>> edges = page.stream().map(n -> Map.<String, Object>of("node", n, "cursor", n.get("id"))).toList();
            Map<String, Object> pageInfo = new LinkedHashMap<>();
            pageInfo.put("hasNextPage", end < all.size());
            pageInfo.put("hasPreviousPage", start > 0);
            pageInfo.put("startCursor", page.isEmpty() ? null : page.get(0).get("id"));
            pageInfo.put("endCursor", page.isEmpty() ? null : page.get(page.size() - 1).get("id"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("nodes", new ArrayList<>(page));
            out.put("edges", edges);
            out.put("pageInfo", pageInfo);
            return out;
        };
    }

    private static final List<String> COMPARATORS = List.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "nin", "null",
            "eqIgnoreCase", "contains", "startsWith");

    /** Linear's filter semantics, enough for the connector's filters and most hand-written ones. */
    @SuppressWarnings("unchecked")
    static boolean matches(Object value, Map<String, Object> filter) {
        for (Map.Entry<String, Object> e : filter.entrySet()) {
            String key = e.getKey();
            Object cond = e.getValue();
            if (cond == null) continue;
            switch (key) {
                case "and" -> {
                    for (Object f : (List<Object>) cond) if (!matches(value, (Map<String, Object>) f)) return false;
                    continue;
                }
                case "or" -> {
                    boolean any = false;
                    for (Object f : (List<Object>) cond) any |= matches(value, (Map<String, Object>) f);
                    if (!any) return false;
                    continue;
                }
                case "some", "every" -> {
                    List<Object> nodes = value instanceof Map<?, ?> m && m.get("nodes") instanceof List<?> l ? (List<Object>) l : List.of();
                    Map<String, Object> f = (Map<String, Object>) cond;
                    boolean ok = key.equals("some") ? nodes.stream().anyMatch(n -> matches(n, f))
                            : nodes.stream().allMatch(n -> matches(n, f));
                    if (!ok) return false;
                    continue;
                }
                default -> {
                }
            }
            if (COMPARATORS.contains(key)) {
                if (!compare(value, key, cond)) return false;
                continue;
            }
            Object field = value instanceof Map<?, ?> m ? m.get(key) : null;
            if (!(cond instanceof Map<?, ?> sub)) return false;
            if (field == null && !sub.containsKey("null")) {
                // a relation filter on a missing relation matches only {null: true}
                return false;
            }
            if (!matches(field, (Map<String, Object>) sub)) return false;
        }
        return true;
    }

    private static boolean compare(Object value, String op, Object arg) {
        if (op.equals("null")) return Boolean.TRUE.equals(arg) == (value == null);
        if (value == null) return op.equals("neq") || op.equals("nin");
        return switch (op) {
            case "eq" -> cmp(value, arg) == 0;
            case "neq" -> cmp(value, arg) != 0;
            case "gt" -> cmp(value, arg) > 0;
            case "gte" -> cmp(value, arg) >= 0;
            case "lt" -> cmp(value, arg) < 0;
            case "lte" -> cmp(value, arg) <= 0;
            case "in" -> ((List<?>) arg).stream().anyMatch(a -> cmp(value, a) == 0);
            case "nin" -> ((List<?>) arg).stream().noneMatch(a -> cmp(value, a) == 0);
            case "eqIgnoreCase" -> value.toString().equalsIgnoreCase(String.valueOf(arg));
            case "contains" -> value.toString().contains(String.valueOf(arg));
            case "startsWith" -> value.toString().startsWith(String.valueOf(arg));
            default -> true;
        };
    }

    private static int cmp(Object value, Object arg) {
        if (value instanceof Number a && arg instanceof Number b) return Double.compare(a.doubleValue(), b.doubleValue());
        Instant a = instant(value), b = instant(arg);
        if (a != null && b != null) return a.compareTo(b);
        return value.toString().compareTo(String.valueOf(arg));
    }

    private static Instant instant(Object o) {
        if (!(o instanceof String s) || s.length() < 20) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
