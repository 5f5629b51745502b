package dev.nightjar.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body (slash commands, interactivity), parsed from the verified bytes. */
public final class FormFields {

    private FormFields() {
    }

    /** @return the fields in body order, decoded as UTF-8; the first of a repeated key wins; a broken %-escape drops its field */
    public static Map<String, String> parse(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(key, value);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: the field is dropped, the rest still reads
            }
        }
        return fields;
    }
}
