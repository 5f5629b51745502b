package dev.nightjar.connectors.notion;

import dev.nightjar.connectors.ConnectorSettings;

/**
 * {@code connectors/notion.yml}. Notion has no selection keys: the connector reads everything the
 * integration was shared with (that sharing, done in Notion, is the selection).
 *
 * @param notionVersion     Notion-Version header to try first; {@code 2025-09-03} (data sources) by
 *                          default, falling back to {@code 2022-06-28} (databases) if the server rejects it
 * @param requestsPerSecond client-side average request rate; Notion asks for about 3 per second
 */
public record NotionSettings(boolean enabled, String baseUrl, String tokenEnv, String notionVersion,
                             Double requestsPerSecond) implements ConnectorSettings {

    public static final String DEFAULT_BASE_URL = "https://api.notion.com";
    public static final String DEFAULT_TOKEN_ENV = "NOTION_TOKEN";

    public NotionSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
        tokenEnv = tokenEnv == null || tokenEnv.isBlank() ? DEFAULT_TOKEN_ENV : tokenEnv;
        notionVersion = notionVersion == null || notionVersion.isBlank() ? NotionVersion.CURRENT.header() : notionVersion;
        requestsPerSecond = requestsPerSecond == null || requestsPerSecond <= 0 ? 3.0 : requestsPerSecond;
    }
}
