package dev.nightjar.connectors.wandb;

import dev.nightjar.connectors.ConnectorSettings;
import java.util.List;

/**
 * {@code connectors/wandb.yml}.
 *
 * @param entity   the W&B entity (team or user) that owns the projects
 * @param projects project names to read runs from
 * @param appUrl   where run pages live, for citations ({@code https://wandb.ai} unless you run a
 *                 dedicated or self-hosted server, whose app URL differs from its API URL)
 * @param pageSize runs per GraphQL page; 50 is the official SDK's page size (W&B documents no maximum,
 *                 and each run carries its whole config and summary, so pages stay moderate)
 */
public record WandbSettings(boolean enabled, String baseUrl, String tokenEnv, String entity, List<String> projects,
                            String appUrl, Integer pageSize) implements ConnectorSettings {

    public static final String DEFAULT_BASE_URL = "https://api.wandb.ai";
    public static final String DEFAULT_TOKEN_ENV = "WANDB_API_KEY";
    public static final String DEFAULT_APP_URL = "https://wandb.ai";
    public static final int DEFAULT_PAGE_SIZE = 50;

    public WandbSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
        tokenEnv = tokenEnv == null || tokenEnv.isBlank() ? DEFAULT_TOKEN_ENV : tokenEnv;
        projects = projects == null ? List.of() : List.copyOf(projects);
        appUrl = appUrl == null || appUrl.isBlank() ? DEFAULT_APP_URL : appUrl.replaceAll("/+$", "");
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : Math.clamp(pageSize, 1, 1000);
    }
}
