package dev.nightjar.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The four configuration folders ({@code jobs/}, {@code connectors/}, {@code index/}, {@code prompts/}).
 * A file in {@code --config-dir} wins; otherwise the default bundled in the jar under
 * {@code defaults/} is used, so a fresh install works and a user edits YAML, not Java.
 */
public final class ConfigDir {

    /** Built on first parse, not with the first ConfigDir: a command that parses on another thread builds it there. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private final Path dir;

    public ConfigDir(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path path() {
        return dir;
    }

    /** The text of {@code relative} (e.g. {@code connectors/github.yml}), user's copy first. */
    public Optional<String> readText(String relative) {
        Path file = dir.resolve(relative);
        try {
            if (Files.isRegularFile(file)) {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            try (InputStream in = ConfigDir.class.getClassLoader().getResourceAsStream("defaults/" + relative)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException(relative + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Where {@code relative} is read from, for messages. */
    public String describe(String relative) {
        Path file = dir.resolve(relative);
        return Files.isRegularFile(file) ? file.toString() : relative + " (built-in default)";
    }

    /**
     * Reads a YAML file into {@code type} (kebab-case keys). Unknown keys and malformed YAML are
     * {@link ConfigException}s naming the file, the line and, for unknown keys, the known ones.
     */
    public <T> Optional<T> readYaml(String relative, Class<T> type) {
        Optional<String> text = readText(relative);
        if (text.isEmpty()) return Optional.empty();
        return Optional.of(parseYaml(text.get(), type, describe(relative)));
    }

    public static <T> T parseYaml(String text, Class<T> type, String where) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = Yaml.MAPPER.readTree(text);
            if (tree == null || tree.isNull() || tree.isMissingNode()) throw new ConfigException(where + ": the file is empty");
            if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.has("enabled") && hasEnabledSwitch(type)) {
                o.put("enabled", true); // a connector file that exists is on unless it says `enabled: false`
            }
            return Yaml.MAPPER.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            String path = e.getPath().size() > 1 ? " under " + keyPath(e.getPath().subList(0, e.getPath().size() - 1)) : "";
            throw new ConfigException(where + ": unknown key '" + e.getPropertyName() + "'" + path + " (known keys: " + String.join(", ",
                    e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(where + ": invalid YAML" + line + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasEnabledSwitch(Class<?> type) {
        return type.isRecord() && java.util.Arrays.stream(type.getRecordComponents())
                .anyMatch(c -> c.getName().equals("enabled") && c.getType() == boolean.class);
    }

    /** {@code rules[0].properties}: where in the file a key sits, for messages. */
    private static String keyPath(java.util.List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (var ref : path) {
            if (ref.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            else sb.append('[').append(ref.getIndex()).append(']');
        }
        return sb.toString();
    }
}
