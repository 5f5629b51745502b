package dev.nightjar.connectors.http;

import okhttp3.Headers;

/** A fully read HTTP response (API pages are small; reading them whole keeps retries simple). */
public record ApiResponse(int status, Headers headers, String body) {

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    public boolean isNotModified() {
        return status == 304;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The first 300 characters of the body, for error messages. */
    public String bodySnippet() {
        String b = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }
}
