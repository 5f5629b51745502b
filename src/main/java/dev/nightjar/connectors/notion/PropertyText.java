package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One Notion property value → text, so rules can match it ({@code Status} → {@code Approved}).
 * Lists (multi-select, people, relations, files) are joined with {@code ", "}; dates are ISO
 * ({@code start} or {@code start/end}); numbers lose a useless {@code .0}. Empty values are null.
 */
final class PropertyText {

    private PropertyText() {
    }

    static String of(JsonNode property) {
        String type = property.path("type").asText("");
        JsonNode v = property.path(type);
        String text = switch (type) {
            case "title", "rich_text" -> NotionJson.plain(v);
            case "select", "status" -> v.path("name").asText(null);
            case "multi_select" -> join(v, "name");
            case "number" -> number(v);
            case "checkbox" -> v.isBoolean() ? String.valueOf(v.asBoolean()) : null;
            case "date" -> date(v);
            case "people" -> people(v);
            case "relation" -> join(v, "id");
            case "url", "email", "phone_number", "created_time", "last_edited_time" -> v.isTextual() ? v.asText() : null;
            case "created_by", "last_edited_by" -> person(v);
            case "files" -> join(v, "name");
            case "unique_id" -> v.path("number").isNumber()
                    ? (v.path("prefix").isTextual() ? v.path("prefix").asText() + "-" : "") + v.path("number").asText()
                    : null;
            case "formula" -> of(v);
            case "rollup" -> rollup(v);
            case "verification" -> v.path("state").asText(null);
            case "string" -> v.isTextual() ? v.asText() : null; // formula results
            case "boolean" -> v.isBoolean() ? String.valueOf(v.asBoolean()) : null;
            default -> null;
        };
        return text == null || text.isBlank() ? null : text;
    }

    private static String rollup(JsonNode v) {
        String type = v.path("type").asText("");
        if (type.equals("array")) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : v.path("array")) {
                String t = of(item);
                if (t != null) parts.add(t);
            }
            return String.join(", ", parts);
        }
        return of(v);
    }

    static String person(JsonNode user) {
        String name = user.path("name").asText(null);
        if (name != null && !name.isBlank()) return name;
        String email = user.path("person").path("email").asText(null);
        if (email != null && !email.isBlank()) return email;
        return user.path("id").asText(null);
    }

    private static String people(JsonNode list) {
        List<String> names = new ArrayList<>();
        for (JsonNode user : list) {
            String p = person(user);
            if (p != null) names.add(p);
        }
        return String.join(", ", names);
    }

    private static String join(JsonNode list, String field) {
        List<String> parts = new ArrayList<>();
        for (JsonNode item : list) {
            String t = item.path(field).asText(null);
            if (t != null && !t.isBlank()) parts.add(t);
        }
        return String.join(", ", parts);
    }

    private static String number(JsonNode v) {
        if (!v.isNumber()) return null;
        return v.decimalValue().stripTrailingZeros().compareTo(BigDecimal.ZERO) == 0 ? "0"
                : v.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String date(JsonNode v) {
        String start = v.path("start").asText(null);
        if (start == null) return null;
        String end = v.path("end").asText(null);
        return end == null || end.isBlank() ? start : start + "/" + end;
    }
}
