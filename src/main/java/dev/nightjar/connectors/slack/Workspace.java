package dev.nightjar.connectors.slack;

import java.util.Map;

/**
 * The workspace's web address for permalinks ({@code https://acme.slack.com}): from
 * {@code workspace-url} when configured, otherwise from one {@code auth.test} call per run (which
 * also proves the token works before any channel is read).
 */
final class Workspace {

    private final SlackClient client;
    private String url;

    Workspace(SlackClient client, String configuredUrl) {
        this.client = client;
        this.url = configuredUrl == null || configuredUrl.isBlank() ? null : strip(configuredUrl.trim());
    }

    synchronized String url() {
        if (url == null) {
            url = strip(client.call("auth.test", Map.of()).path("url").asText(""));
            if (url.isEmpty()) url = "https://slack.com";
        }
        return url;
    }

    private static String strip(String u) {
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
