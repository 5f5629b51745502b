package dev.nightjar.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.nightjar.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evaluation's question set: {@code eval/cases.yml} on the classpath (or a file given on the command
 * line), with {@code {placeholders}} filled from the sandbox's planted stories so that dates and numbers
 * follow the generator. Also carries the set's noise patterns.
 */
public record EvalCases(List<EvalCase> cases, List<Pattern> noise) {

    public static final String RESOURCE = "eval/cases.yml";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_0-9]+)}");

    /** The bundled set. */
    public static EvalCases bundled(Map<String, String> values) {
        try (InputStream in = EvalCases.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the jar");
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), values, RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public static EvalCases file(Path path, Map<String, String> values) {
        try {
            return parse(Files.readString(path), values, path.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + path + ": " + e.getMessage());
        }
    }

    static EvalCases parse(String yaml, Map<String, String> values, String where) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new ConfigException(where + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) throw new ConfigException(where + ": expected a mapping with 'asks', 'briefs' and 'preps'");
        List<Pattern> noise = new ArrayList<>();
        for (JsonNode n : root.path("noise")) noise.add(Expectation.compile(n.asText()));
        List<EvalCase> cases = new ArrayList<>();
        for (JsonNode n : root.path("asks")) cases.add(evalCase(n, EvalCase.Kind.ASK, values, where));
        for (JsonNode n : root.path("briefs")) cases.add(evalCase(n, EvalCase.Kind.BRIEF, values, where));
        for (JsonNode n : root.path("preps")) cases.add(evalCase(n, EvalCase.Kind.PREP, values, where));
        return new EvalCases(List.copyOf(cases), List.copyOf(noise));
    }

    private static EvalCase evalCase(JsonNode n, EvalCase.Kind kind, Map<String, String> values, String where) {
        String id = required(n, "id", where, "a case");
        String question = kind == EvalCase.Kind.ASK ? fill(required(n, "question", where, id), values, id) : null;
        String team = text(n, "team"), person = text(n, "person");
        if (kind == EvalCase.Kind.BRIEF && (team == null) == (person == null)) {
            throw new ConfigException(where + ": brief case " + id + " needs exactly one of 'team' or 'person'");
        }
        String project = text(n, "project");
        if (kind == EvalCase.Kind.PREP) {
            person = text(n, "with");
            if ((person == null) == (project == null)) throw new ConfigException(where + ": prep case " + id + " needs exactly one of 'with' or 'project'");
        }
        String since = kind == EvalCase.Kind.BRIEF ? required(n, "since", where, id) : text(n, "since");
        return new EvalCase(id, n.path("category").asText(kind == EvalCase.Kind.ASK ? "other" : kind.name().toLowerCase(java.util.Locale.ROOT)),
                kind, question, text(n, "as"), team, person, since, expectations(n.path("must"), values, id, where),
                expectations(n.path("must_not"), values, id, where), project, needs(n.path("needs"), values, id, where));
    }

    /** {@code needs:}: title (or URL) patterns of documents a correct answer needs, for the retrieval recall. */
    private static List<Pattern> needs(JsonNode list, Map<String, String> values, String id, String where) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode e : list) {
            try {
                out.add(Expectation.compile(fill(e.asText(), values, id)));
            } catch (java.util.regex.PatternSyntaxException ex) {
                throw new ConfigException(where + ": case " + id + ", needs '" + e.asText() + "': bad regular expression: " + ex.getDescription());
            }
        }
        return out;
    }

    private static List<Expectation> expectations(JsonNode list, Map<String, String> values, String id, String where) {
        List<Expectation> out = new ArrayList<>();
        for (JsonNode e : list) {
            String label = e.path("fact").asText("");
            boolean cite = e.has("cite");
            String regex = cite ? e.path("cite").asText() : e.path("re").asText(null);
            if (label.isBlank() || regex == null || regex.isBlank()) {
                throw new ConfigException(where + ": case " + id + " has an expectation without 'fact' and 're' (or 'cite')");
            }
            String filled = fill(regex, values, id);
            try {
                out.add(new Expectation(label, Expectation.compile(filled), cite, "headline".equals(e.path("in").asText(""))));
            } catch (java.util.regex.PatternSyntaxException ex) {
                throw new ConfigException(where + ": case " + id + ", fact '" + label + "': bad regular expression: " + ex.getDescription());
            }
        }
        return out;
    }

    /** Replaces {name} with its value as written (dates, numbers, run names); an unknown placeholder is a configuration error. */
    static String fill(String text, Map<String, String> values, String id) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            // {n} and {n,m} quantifiers are not placeholders
            if (v == null && m.group(1).matches("\\d+")) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                continue;
            }
            if (v == null) throw new ConfigException("case " + id + ": unknown placeholder {" + m.group(1) + "}");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String required(JsonNode n, String field, String where, String what) {
        String v = text(n, field);
        if (v == null || v.isBlank()) throw new ConfigException(where + ": " + what + " has no '" + field + "'");
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
