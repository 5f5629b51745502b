package dev.nightjar.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells "this object is not available here" from "this source cannot be used". The first is a 4xx
 * about one object or one feature of it: 400 (Notion: children of an unsupported block), 403 (no
 * access to this repository or page), 404 (gone, or never shared), 409 (GitHub: the repository is
 * empty), 410 (GitHub: issues disabled; gone for good), 451 (blocked for legal reasons). The second is
 * a 401, or a 403 whose message rejects the token itself (bad or expired credentials, an organisation's
 * SAML enforcement): every other request would fail the same way.
 */
public final class ObjectAvailability {

    private static final Set<Integer> ONE_OBJECT = Set.of(400, 403, 404, 409, 410, 451);
    /** Phrases of 403s that concern the token rather than the object (GitHub, Notion, W&B wording). */
    private static final Pattern BAD_TOKEN = Pattern.compile(
            "(?i)bad credentials|invalid (api )?(token|key)|token (is )?(invalid|expired|revoked)|api token is invalid"
                    + "|saml enforcement|unauthori[sz]ed");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ObjectAvailability() {
    }

    /** True when the failed response concerns one object and the rest of the source may still be read. */
    public static boolean concernsOneObject(ApiResponse response) {
        if (!ONE_OBJECT.contains(response.status())) return false;
        return response.status() != 403 || !BAD_TOKEN.matcher(response.body() == null ? "" : response.body()).find();
    }

    /**
     * The API's own message, short: {@code message} (GitHub, Notion), {@code error}, or the first of
     * {@code errors[].message} (GraphQL); else the start of the body.
     */
    public static String apiMessage(ApiResponse response) {
        String body = response.body();
        if (body != null && body.trim().startsWith("{")) {
            try {
                JsonNode json = JSON.readTree(body);
                for (JsonNode candidate : new JsonNode[]{json.path("message"), json.path("error"),
                        json.path("errors").path(0).path("message")}) {
                    if (candidate.isTextual() && !candidate.asText().isBlank()) return shorten(candidate.asText());
                }
            } catch (IOException e) {
                // not JSON after all: fall through to the raw snippet
            }
        }
        return shorten(response.bodySnippet());
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
