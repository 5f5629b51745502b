package dev.nightjar.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.List;
import java.util.Map;

/** Lists and maps are kept as JSON text columns (portable across H2 and PostgreSQL). */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // readers built once: every document row read parses five of these columns (7 % of a serve answer at 100k)
    private static final ObjectReader LIST = MAPPER.readerFor(new TypeReference<List<String>>() { });
    private static final ObjectReader TEXT_MAP = MAPPER.readerFor(new TypeReference<Map<String, String>>() { });
    private static final ObjectReader NUMBER_MAP = MAPPER.readerFor(new TypeReference<Map<String, Double>>() { });

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

    private static <T> T read(String json, ObjectReader type, T empty) {
        // most lists and maps are empty: no parser for those
        if (json == null || json.isEmpty() || json.equals("[]") || json.equals("{}")) return empty;
        try {
            return type.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + e.getOriginalMessage());
        }
    }
}
