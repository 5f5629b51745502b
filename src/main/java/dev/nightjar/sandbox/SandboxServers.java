package dev.nightjar.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sandbox APIs (the five team sources and arXiv), one loopback HTTP server each on an ephemeral port, all serving one
 * {@link SampleCompany}: what {@code nightjar demo} points the real connectors at, and what
 * integration tests sync against. Close it (try-with-resources, or the shutdown hook the demo adds)
 * to free the ports; a failed start closes whatever had started.
 *
 * <pre>
 * try (SandboxServers sandbox = SandboxServers.start(SampleCompany.generate(clock))) {
 *     sandbox.configFiles().forEach((path, yaml) -> write(configDir.resolve(path), yaml));
 *     Environment env = Environment.of(sandbox.env());
 *     ... run the nightly job ...
 * }
 * </pre>
 */
public final class SandboxServers implements AutoCloseable {

    public static final List<String> SOURCES = List.of("linear", "github", "wandb", "notion", "slack", "arxiv");

    /** Dummy credentials: the servers check their shape (Bearer / Basic / bare key), never their value. */
    public static final Map<String, String> TOKENS = Map.of(
            "LINEAR_API_KEY", "lin_api_sandbox0000000000000000000000000000",
            "GITHUB_TOKEN", "github_pat_sandbox_0000000000000000",
            "WANDB_API_KEY", "sandbox0000000000000000000000000000000000",
            "NOTION_TOKEN", "ntn_sandbox000000000000000000000000000000000000",
            "SLACK_BOT_TOKEN", "xoxb-0000000000-0000000000000-sandboxsandboxsandbox",
            "SLACK_SIGNING_SECRET", "sandbox-signing-secret-0000000000000000");

    private final SampleCompany company;
    private final LinearServer linear;
    private final GitHubServer github;
    private final WandbServer wandb;
    private final NotionServer notion;
    private final SlackServer slack;
    private final ArxivServer arxiv;

    private SandboxServers(SampleCompany company, List<ApiServer> started) {
        this.company = company;
        this.linear = (LinearServer) started.get(0);
        this.github = (GitHubServer) started.get(1);
        this.wandb = (WandbServer) started.get(2);
        this.notion = (NotionServer) started.get(3);
        this.slack = (SlackServer) started.get(4);
        this.arxiv = (ArxivServer) started.get(5);
    }

    public static SandboxServers start(SampleCompany company) {
        List<ApiServer> started = new ArrayList<>();
        try {
            started.add(new LinearServer(company));
            started.add(new GitHubServer(company));
            started.add(new WandbServer(company));
            started.add(new NotionServer(company));
            started.add(new SlackServer(company));
            started.add(new ArxivServer(company));
            return new SandboxServers(company, started);
        } catch (RuntimeException e) {
            started.forEach(ApiServer::close);
            throw e;
        }
    }

    /** Generates the sample company for {@code clock} (seed 42) and starts its servers. */
    public static SandboxServers start(Clock clock) {
        return start(SampleCompany.generate(clock));
    }

    public SampleCompany company() {
        return company;
    }

    /** The GraphQL endpoint, {@code http://127.0.0.1:PORT/graphql}. */
    public String linearUrl() {
        return linear.endpoint();
    }

    /** The REST root, {@code http://127.0.0.1:PORT}. */
    public String githubUrl() {
        return github.baseUrl();
    }

    /** The API root; the connector appends {@code /graphql}. */
    public String wandbUrl() {
        return wandb.baseUrl();
    }

    /** The API root; requests go to {@code /v1/...}. */
    public String notionUrl() {
        return notion.baseUrl();
    }

    /** The Web API prefix, {@code http://127.0.0.1:PORT/api}. */
    public String slackUrl() {
        return slack.apiUrl();
    }

    /** The arXiv query endpoint, {@code http://127.0.0.1:PORT/api/query}. */
    public String arxivUrl() {
        return arxiv.endpoint();
    }

    public String url(String source) {
        return switch (source) {
            case "linear" -> linearUrl();
            case "github" -> githubUrl();
            case "wandb" -> wandbUrl();
            case "notion" -> notionUrl();
            case "slack" -> slackUrl();
            case "arxiv" -> arxivUrl();
            default -> throw new IllegalArgumentException("no sandbox for " + source);
        };
    }

    /** HTTP requests each server has answered (404s and 304s included). */
    public long requestCount(String source) {
        return server(source).requestCount();
    }

    public Map<String, Long> requestCounts() {
        return SOURCES.stream().collect(Collectors.toMap(s -> s, this::requestCount, (a, b) -> a, LinkedHashMap::new));
    }

    private ApiServer server(String source) {
        return switch (source) {
            case "linear" -> linear;
            case "github" -> github;
            case "wandb" -> wandb;
            case "notion" -> notion;
            case "slack" -> slack;
            case "arxiv" -> arxiv;
            default -> throw new IllegalArgumentException("no sandbox for " + source);
        };
    }

    /** {@code NIGHTJAR_<SOURCE>_BASE_URL} for each source plus the dummy tokens the YAML names. */
    public Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(new java.util.TreeMap<>(TOKENS));
        for (String source : SOURCES) env.put("NIGHTJAR_" + source.toUpperCase(java.util.Locale.ROOT) + "_BASE_URL", url(source));
        return env;
    }

    /**
     * The files the demo writes into its config directory (relative path → YAML): the five connector
     * configs, pointing at these servers and selecting the sample company's teams, repos, project and
     * channels, {@code index/people.yml} with the aliases e-mail cannot join, and a {@code jobs/nightly.yml}
     * that reads all five sources.
     */
    public Map<String, String> configFiles() {
        String header = "# Written by `nightjar demo`: the sandbox of " + SampleCompany.COMPANY + " (an invented company).\n"
                + "# base-url points at a local sandbox server; NIGHTJAR_<SOURCE>_BASE_URL would override it.\n";
        Map<String, String> files = new LinkedHashMap<>();
        files.put("connectors/linear.yml", header
                + "enabled: true\n"
                + "base-url: " + linearUrl() + "\n"
                + "token-env: LINEAR_API_KEY\n"
                + "teams: [" + String.join(", ", SampleCompany.TEAM_KEYS) + "]\n");
        files.put("connectors/github.yml", header
                + "enabled: true\n"
                + "base-url: " + githubUrl() + "\n"
                + "token-env: GITHUB_TOKEN\n"
                + "repos: [" + String.join(", ", SampleCompany.REPOS) + "]\n");
        files.put("connectors/wandb.yml", header
                + "enabled: true\n"
                + "base-url: " + wandbUrl() + "\n"
                + "token-env: WANDB_API_KEY\n"
                + "entity: " + SampleCompany.WANDB_ENTITY + "\n"
                + "projects: [" + SampleCompany.WANDB_PROJECT + "]\n");
        files.put("connectors/notion.yml", header
                + "enabled: true\n"
                + "base-url: " + notionUrl() + "\n"
                + "token-env: NOTION_TOKEN\n"
                + "# the sandbox has no rate limit; Notion itself asks for about 3 requests/s\n"
                + "requests-per-second: 100\n");
        List<String> channels = new ArrayList<>();
        List<String> scratch = new ArrayList<>();
        synchronized (company) {
            for (SampleCompany.Channel c : company.channels) {
                if (c.info.path("purpose").path("value").asText().startsWith("Raw thoughts")) scratch.add("\"#" + c.name() + "\"");
                else channels.add("\"#" + c.name() + "\"");
            }
        }
        files.put("connectors/slack.yml", header
                + "enabled: true\n"
                + "base-url: " + slackUrl() + "\n"
                + "token-env: SLACK_BOT_TOKEN\n"
                + "signing-secret-env: SLACK_SIGNING_SECRET\n"
                + "channels: [" + String.join(", ", channels) + "]\n"
                + "scratchpad-channels: [" + String.join(", ", scratch) + "]\n"
                + "admins: [" + company.person("ben").email() + ", " + company.person("priya").email() + "]\n"
                + "workspace-url: " + SampleCompany.SLACK_WORKSPACE_URL.replaceAll("/$", "") + "\n"
                + "thread-lookback-days: 14\n");
        files.put("connectors/arxiv.yml", header
                + "enabled: true\n"
                + "base-url: " + arxivUrl() + "\n"
                + "categories: [cs.IR, cs.LG, cs.DB]\n");
        files.put("index/people.yml", company.peopleYaml());
        files.put("jobs/nightly.yml", header
                + "cron: \"0 0 5 * * ?\"\n"
                + "zone: UTC\n"
                + "sources: [" + String.join(", ", SOURCES) + "]\n");
        return files;
    }

    /** Writes {@link #configFiles()} under {@code configDir}, ready for {@code --config-dir}. */
    public void writeConfig(java.nio.file.Path configDir) throws java.io.IOException {
        for (var file : configFiles().entrySet()) {
            java.nio.file.Path f = configDir.resolve(file.getKey());
            java.nio.file.Files.createDirectories(f.getParent());
            java.nio.file.Files.writeString(f, file.getValue());
        }
    }

    /**
     * Closes the servers when the JVM exits (Ctrl-C included), for {@code nightjar demo}; the JDK server's
     * dispatcher threads would otherwise keep the ports until the process dies. Closing twice is harmless.
     */
    public SandboxServers closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "sandbox-shutdown"));
        return this;
    }

    @Override
    public void close() {
        for (ApiServer s : new ApiServer[]{linear, github, wandb, notion, slack, arxiv}) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // closing the others matters more
            }
        }
    }
}
