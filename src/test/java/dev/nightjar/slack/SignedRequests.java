package dev.nightjar.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** Sends requests to `serve` the way Slack does: raw body signed with the signing secret at a given time. */
final class SignedRequests {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final SlackSignature signer;
    private final Clock clock;

    SignedRequests(String base, String secret, Clock clock) {
        this.base = base;
        this.signer = new SlackSignature(secret, clock);
        this.clock = clock;
    }

    HttpResponse<String> json(String path, String body, Map<String, String> extraHeaders) throws IOException, InterruptedException {
        return send(path, "application/json", body, clock.instant(), null, extraHeaders);
    }

    HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return send(path, "application/x-www-form-urlencoded", encode(fields), clock.instant(), null, Map.of());
    }

    /** @param signature null to sign correctly */
    HttpResponse<String> send(String path, String contentType, String body, Instant at, String signature, Map<String, String> extraHeaders)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(at.getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature != null ? signature : signer.sign(timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        extraHeaders.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
