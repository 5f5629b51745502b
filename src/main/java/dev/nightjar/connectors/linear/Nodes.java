package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Small null-safe readers over Linear's JSON nodes, shared by the mappers. */
final class Nodes {

    static final String SOURCE = LinearConnectorFactory.SOURCE;
    private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

    private Nodes() {
    }

    /** Text of {@code node.field}, or null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) return null;
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    static String required(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null) throw new MalformedRecordException("linear " + what + " without " + field);
        return value;
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException("linear record has an unreadable " + field + ": " + value, e);
        }
    }

    /** An object field, or null when absent or null. */
    static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isObject() ? null : value;
    }

    /** {@code node.field.nodes[*]} of a nested connection. */
    static List<JsonNode> connection(JsonNode node, String field) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode nodes = node.path(field).path("nodes");
        if (nodes.isArray()) nodes.forEach(out::add);
        return out;
    }

    /** A user object → its identity, or null when there is no user. */
    static PersonIdentity person(JsonNode user) {
        String id = text(user, "id");
        if (id == null) return null;
        String name = text(user, "name");
        return new PersonIdentity(SOURCE, id, text(user, "email"), name != null ? name : text(user, "displayName"),
                text(user, "timezone"));
    }

    /** Adds {@code person} once (by handle) and returns it; null is ignored. */
    static PersonIdentity addPerson(List<PersonIdentity> people, PersonIdentity person) {
        if (person != null && people.stream().noneMatch(p -> p.handle().equals(person.handle()))) people.add(person);
        return person;
    }

    /** {@code onTrack} → {@code on_track}. */
    static String snake(String camel) {
        return camel == null ? null : CAMEL.matcher(camel).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /** Puts {@code value} when it is not null (Document properties are text and never null). */
    static void put(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) properties.put(key, value);
    }

    /** A number as text without a trailing {@code .0} (priority 2, estimate 3, progress 0.45). */
    static String number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber()) return null;
        double d = value.asDouble();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    static String joinNonBlank(String separator, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) if (part != null && !part.isBlank()) kept.add(part);
        return String.join(separator, kept);
    }
}
