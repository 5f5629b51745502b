package dev.nightjar.skills.scratchpad;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON Schema of the LLM's structured scratchpad reading (strict mode), and its checks. */
final class NoteSchema {

    private NoteSchema() {
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return Map.of("type", "object", "additionalProperties", false, "required", List.copyOf(properties.keySet()), "properties", properties);
    }

    private static Map<String, Object> array(Object items) {
        return Map.of("type", "array", "items", items);
    }

    private static final Map<String, Object> NULLABLE_STRING = Map.of("type", List.of("string", "null"));

    static final Map<String, Object> SCHEMA = object(new java.util.LinkedHashMap<>(Map.of(
            "summary", Map.of("type", "string"),
            "actions", array(object(new java.util.LinkedHashMap<>(Map.of("text", Map.of("type", "string"), "owner", NULLABLE_STRING)))),
            "decisions", array(object(new java.util.LinkedHashMap<>(Map.of("text", Map.of("type", "string"), "why", NULLABLE_STRING)))),
            "questions", array(Map.of("type", "string")))));

    static List<String> problems(JsonNode node, Set<String> knownEmails) {
        List<String> problems = new ArrayList<>();
        if (!node.path("summary").isTextual() || node.path("summary").asText().isBlank()) problems.add("summary is missing");
        for (String field : List.of("actions", "decisions", "questions")) if (!node.path(field).isArray()) problems.add(field + " is not a list");
        for (JsonNode a : node.path("actions")) {
            JsonNode owner = a.path("owner");
            if (owner.isTextual() && !knownEmails.contains(owner.asText())) problems.add("owner " + owner.asText() + " is not one of the listed people");
        }
        return problems;
    }

    static Note.Content read(JsonNode node) {
        List<Note.Action> actions = new ArrayList<>();
        for (JsonNode a : node.path("actions")) actions.add(new Note.Action(a.path("text").asText(), a.path("owner").isTextual() ? a.path("owner").asText() : null));
        List<Note.DecisionItem> decisions = new ArrayList<>();
        for (JsonNode d : node.path("decisions")) decisions.add(new Note.DecisionItem(d.path("text").asText(), d.path("why").isTextual() ? d.path("why").asText() : null));
        return new Note.Content(node.path("summary").asText(), actions, decisions, ScratchpadService.texts(node.path("questions")));
    }
}
