package dev.nightjar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Lists and maps are kept as JSON text columns (portable across H2 and PostgreSQL). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> NUMBER_MAP = new TypeReference<>() { };

    private JsonColumns() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(String json) {
        return read(json, LIST, List.of());
    }

    static Map<String, String> textMap(String json) {
        return read(json, TEXT_MAP, Map.of());
    }

    static Map<String, Double> numberMap(String json) {
        return read(json, NUMBER_MAP, Map.of());
    }

    private static <T> T read(String json, TypeReference<T> type, T empty) {
        if (json == null || json.isEmpty()) return empty;
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage());
        }
    }
}
