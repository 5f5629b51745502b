package dev.nightjar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Kestrel Commerce, an invented online-retail company (search ranking, payments, platform), as the five
 * APIs would show it: Linear (teams PAY, RNK, PLAT), GitHub ({@code kestrel/*}), W&B ({@code kestrel/search-ranker}),
 * Notion (a {@code PRDs} data source and pages) and Slack. Deterministic for a seed; every timestamp is
 * relative to the injected clock's "now" (about 60 days back), so "last night" is always last night.
 *
 * <p>Linear records are plain {@code Map}s (served through graphql-java, whose default fetchers read
 * maps); the REST sources hold their records already in the API's JSON shape. {@link #advance(Instant)}
 * adds "another night" of changes. Servers synchronize on this object while they read it.
 *
 * <p>The planted stories are listed in {@link Stories}.
 */
public final class SampleCompany {

    public static final String COMPANY = "Kestrel Commerce";
    public static final String GITHUB_ORG = "kestrel";
    public static final String WANDB_ENTITY = "kestrel";
    public static final String WANDB_PROJECT = "search-ranker";
    public static final String SLACK_TEAM_ID = "T0KESTREL";
    public static final String SLACK_WORKSPACE_URL = "https://kestrel-demo.slack.com/";
    public static final String LINEAR_WORKSPACE = "kestrel";
    public static final String EMAIL_DOMAIN = "kestrel.example";
    public static final List<String> REPOS = List.of("kestrel/search-ranker", "kestrel/payments-api", "kestrel/platform-infra");
    public static final List<String> TEAM_KEYS = List.of("PAY", "RNK", "PLAT");
    public static final String METRIC = "ndcg@10";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One person with an identity in every tool. {@code githubNoreply}: commits with a no-reply address, so only an alias joins the login. */
    public record Person(String key, String name, String email, String title, String team, String tz, String slackId,
                         String githubLogin, boolean githubNoreply, String linearId, String wandbUser, String notionId,
                         long githubId) {
        public String firstName() {
            return name.split(" ")[0];
        }
    }

    /** Where each feature of Nightjar has something to show (ids as the sources name them). */
    public record Stories(String canonicalPrdPageId, String draftPrdPageId, LocalDate canonicalLaunchDate,
                          LocalDate draftLaunchDate, LocalDate scratchpadLaunchDate, double metricTarget,
                          String scratchpadChannelId, String scratchpadTs,
                          String decisionChannelId, String decisionThreadTs, String lateReplyTs,
                          String privateChannelId, String privateThreadTs,
                          String overnightMentionChannelId, String overnightMentionTs, String overnightMentionedSlackId,
                          List<String> blockerChain, String decisionIssue, String decisionCommentId,
                          String keyedPrRepo, int keyedPrNumber, String keyedPrIssue, String keyedPrMergeSha,
                          String changesRequestedRepo, int changesRequestedPr, long changesRequestedReviewId,
                          String crashedRunName, String runningRunName, String runAtMergeCommitName) {
    }

    /** A GitHub repository's records, newest not necessarily first (the server sorts). */
    public static final class Repo {
        public final String fullName;
        public final long id;
        public final List<ObjectNode> pulls = new ArrayList<>();
        public final List<ObjectNode> issues = new ArrayList<>();
        public final List<ObjectNode> issueComments = new ArrayList<>();
        public final List<ObjectNode> reviewComments = new ArrayList<>();
        public final List<ObjectNode> commits = new ArrayList<>();
        public final Map<Integer, List<ObjectNode>> reviews = new LinkedHashMap<>();
        int nextNumber = 1;

        Repo(String fullName, long id) {
            this.fullName = fullName;
            this.id = id;
        }
    }

    /** A Slack conversation: its {@code conversations.list} entry, members and messages. */
    public static final class Channel {
        public final ObjectNode info;
        public final List<String> members = new ArrayList<>();
        /** Top-level messages (thread roots included), any order. */
        public final List<ObjectNode> messages = new ArrayList<>();
        /** Replies by thread_ts, oldest first. */
        public final Map<String, List<ObjectNode>> replies = new LinkedHashMap<>();

        Channel(ObjectNode info) {
            this.info = info;
        }

        public String id() {
            return info.path("id").asText();
        }

        public String name() {
            return info.path("name").asText();
        }
    }

    private final Random rnd;
    private final Instant now;
    private long idCounter = 1000;
    private long slackMicros = 100;

    public final List<Person> people = new ArrayList<>();

    // Linear
    public final List<Map<String, Object>> linearUsers = new ArrayList<>();
    public final List<Map<String, Object>> teams = new ArrayList<>();
    public final List<Map<String, Object>> initiatives = new ArrayList<>();
    public final List<Map<String, Object>> projects = new ArrayList<>();
    public final List<Map<String, Object>> projectUpdates = new ArrayList<>();
    public final List<Map<String, Object>> initiativeUpdates = new ArrayList<>();
    public final List<Map<String, Object>> issues = new ArrayList<>();
    public final List<Map<String, Object>> issueRelations = new ArrayList<>();
    public final List<Map<String, Object>> comments = new ArrayList<>();
    private final Map<String, Map<String, Object>> issuesByKey = new LinkedHashMap<>();
    private final Map<String, Integer> issueCounters = new LinkedHashMap<>();

    // GitHub
    public final Map<String, Repo> repos = new LinkedHashMap<>();

    // W&B
    public final Map<String, List<ObjectNode>> runsByProject = new LinkedHashMap<>();

    // Notion
    public final List<ObjectNode> notionUsers = new ArrayList<>();
    public final List<ObjectNode> dataSources = new ArrayList<>();
    /** Stand-alone pages and data-source rows. */
    public final List<ObjectNode> notionPages = new ArrayList<>();
    public final Map<String, List<ObjectNode>> blockChildren = new LinkedHashMap<>();

    // Slack
    public final List<ObjectNode> slackUsers = new ArrayList<>();
    public final List<Channel> channels = new ArrayList<>();

    private Stories stories;
    private int nights;

    private SampleCompany(long seed, Instant now) {
        this.rnd = new Random(seed);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The company as of {@code clock.instant()}, the same for the same seed. */
    public static SampleCompany generate(long seed, Clock clock) {
        SampleCompany c = new SampleCompany(seed, clock.instant());
        c.build();
        return c;
    }

    public static SampleCompany generate(Clock clock) {
        return generate(42L, clock);
    }

    public Instant now() {
        return now;
    }

    public Stories stories() {
        return stories;
    }

    public Person person(String key) {
        return people.stream().filter(p -> p.key.equals(key)).findFirst().orElseThrow();
    }

    public Channel channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    public Map<String, Object> issue(String key) {
        return issuesByKey.get(key);
    }

    // ---------------------------------------------------------------- time and id helpers

    private Instant daysAgo(double days) {
        return now.minusMillis((long) (days * 86_400_000L)).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * 01:00 UTC of last night (02:00 in Berlin, 10:00 in Tokyo): the most recent one at least four hours
     * before now, so everything planted "overnight" (from 23:00 to 03:30 UTC) is already in the past.
     * Between about midnight and 05:00 UTC that night is the previous one, whose first events are then
     * more than 24 hours old and outside a morning brief's default window (a demo run at 04:00 UTC showed
     * an empty brief): then the night is planted to end half an hour before now instead.
     */
    public Instant lastNight() {
        return lastNightBefore(now);
    }

    /** {@link #lastNight()} for a company generated at {@code now}. */
    static Instant lastNightBefore(Instant now) {
        Instant limit = now.minusSeconds(4 * 3600);
        Instant base = limit.truncatedTo(ChronoUnit.DAYS).plusSeconds(3600);
        Instant night = base.isAfter(limit) ? base.minusSeconds(86_400) : base;
        Instant firstEvent = night.minusSeconds(2 * 3600);
        if (firstEvent.isAfter(now.minusSeconds(23 * 3600))) return night;
        return now.minusSeconds(3 * 3600).truncatedTo(ChronoUnit.MINUTES); // its last event (+2.5 h) 30 min before now
    }

    /** {@code hours} after (negative: before) 01:00 UTC last night. */
    private Instant lastNight(double hours) {
        return lastNight().plusSeconds((long) (hours * 3600));
    }

    private Instant between(Instant a, Instant b) {
        long span = Math.max(1, b.getEpochSecond() - a.getEpochSecond());
        return a.plusSeconds((long) (rnd.nextDouble() * span));
    }

    private static final java.time.format.DateTimeFormatter MILLIS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final java.time.format.DateTimeFormatter WANDB =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Linear's timestamp form: UTC with milliseconds. */
    static String iso(Instant t) {
        return MILLIS.format(t);
    }

    static String ghTime(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String wandbTime(Instant t) {
        return WANDB.format(t);
    }

    static String notionTime(Instant t) {
        return MILLIS.format(t.truncatedTo(ChronoUnit.MINUTES));
    }

    private String slackTs(Instant t) {
        slackMicros = (slackMicros + 37) % 1_000_000;
        return t.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", slackMicros);
    }

    /** A random (version 4) UUID from the seeded generator. */
    private String uuid() {
        long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A Notion-style id (UUID v4 shape, deterministic). */
    private String notionId() {
        return uuid();
    }

    private String sha() {
        byte[] b = new byte[20];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private long nextId() {
        return idCounter += 1 + rnd.nextInt(50);
    }

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    // ---------------------------------------------------------------- build

    private void build() {
        buildPeople();
        buildLinear();
        buildGitHub();
        buildWandb();
        buildNotion();
        buildSlack();
        buildEvaluationStories();
        buildPrepStories();
        stories = new Stories(prdId, draftId, launchDate, draftLaunchDate, scratchDate, 0.42,
                scratchChannel, scratchTs, decisionChannel, decisionTs, lateReplyTs, privateChannel, privateTs,
                mentionChannel, mentionTs, person("jonas").slackId,
                List.of("PLAT-41", "RNK-121", "RNK-130", "RNK-134"), "RNK-125", decisionCommentId,
                "kestrel/search-ranker", keyedPr, "RNK-117", keyedPrMergeSha,
                "kestrel/search-ranker", changesPr, changesReviewId, crashedRun, runningRun, runAtMerge);
    }

    private void buildPeople() {
        Object[][] rows = {
                // key, name, title, team, tz, github login, noreply, wandb
                {"maya", "Maya Okafor", "Engineering lead, Ranking", "RNK", "Europe/London", "mokafor", false, "maya-o"},
                {"tomas", "Tomás Ibarra", "ML engineer", "RNK", "America/New_York", "tibarra-ml", true, "tibarra"},
                {"priya", "Priya Raman", "Product manager, Search", "RNK", "America/Los_Angeles", "priyar", false, "priya"},
                {"lena", "Lena Novak", "ML engineer", "RNK", "Europe/Prague", "lnovak", true, "lena-n"},
                {"jonas", "Jonas Weber", "Engineering lead, Payments", "PAY", "Europe/Berlin", "jweber", false, "jweber"},
                {"aiko", "Aiko Tanaka", "Payments engineer", "PAY", "Asia/Tokyo", "aiko-t", false, "aiko"},
                {"omar", "Omar Haddad", "Payments engineer", "PAY", "Asia/Dubai", "ohaddad", true, "omar"},
                {"sam", "Sam Fletcher", "Platform engineer", "PLAT", "America/Chicago", "samfletch", false, "sam-f"},
                {"grace", "Grace Liu", "Platform lead", "PLAT", "America/Los_Angeles", "graceliu", false, "grace"},
                {"ben", "Ben Adeyemi", "VP Engineering", "PLAT", "Europe/London", "badeyemi", false, "ben"},
        };
        int i = 0;
        for (Object[] r : rows) {
            String key = (String) r[0];
            String slack = "U0K" + key.toUpperCase(Locale.ROOT) + (10 + i);
            people.add(new Person(key, (String) r[1], key + "@" + EMAIL_DOMAIN, (String) r[2], (String) r[3], (String) r[4],
                    slack.substring(0, Math.min(11, slack.length())), (String) r[5], (Boolean) r[6], uuid(),
                    (String) r[7], uuid(), 5_100_000L + 7919L * i));
            i++;
        }
    }

    private List<Person> team(String team) {
        return people.stream().filter(p -> p.team.equals(team)).toList();
    }

    // ---------------------------------------------------------------- Linear

    private final Map<String, Map<String, Object>> linearUserByKey = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> teamByKey = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> projectByName = new LinkedHashMap<>();
    private LocalDate launchDate;
    private LocalDate draftLaunchDate;
    private LocalDate scratchDate;
    private String decisionCommentId;

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private static Map<String, Object> nodes(List<?> list) {
        return map("nodes", list);
    }

    private String linearUrl(String kind, String slug) {
        return "https://linear.app/" + LINEAR_WORKSPACE + "/" + kind + "/" + slug;
    }

    private void buildLinear() {
        launchDate = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(21);
        draftLaunchDate = launchDate.minusDays(10);
        scratchDate = launchDate.minusDays(7);

        Instant start = daysAgo(62);
        for (Person p : people) {
            Map<String, Object> u = map("id", p.linearId, "name", p.name, "displayName", p.key, "email", p.email,
                    "timezone", p.tz, "active", true, "guest", false, "admin", p.key.equals("ben"),
                    "url", linearUrl("profiles", p.key), "createdAt", iso(start), "updatedAt", iso(daysAgo(40 + rnd.nextInt(20))),
                    "archivedAt", null);
            linearUsers.add(u);
            linearUserByKey.put(p.key, u);
        }
        String[][] teamRows = {{"PAY", "Payments", "Checkout, payment methods and retries"},
                {"RNK", "Ranking", "Search relevance and ranking models"}, {"PLAT", "Platform", "Infrastructure, GPUs, CI"}};
        for (String[] t : teamRows) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (Person p : team(t[0])) members.add(linearUserByKey.get(p.key));
            if (!t[0].equals("PLAT")) members.add(linearUserByKey.get("ben"));
            Map<String, Object> team = map("id", uuid(), "key", t[0], "name", t[1], "description", t[2],
                    "timezone", team(t[0]).get(0).tz, "createdAt", iso(start), "updatedAt", iso(daysAgo(30 + rnd.nextInt(10))),
                    "archivedAt", null, "members", nodes(members));
            teams.add(team);
            teamByKey.put(t[0], team);
            issueCounters.put(t[0], 0);
        }

        Map<String, Object> search = initiative("Search relevance 2.0", "priya", "Active", "atRisk", launchDate.plusDays(30),
                "Lift search conversion with a neural reranker and better query understanding.");
        Map<String, Object> checkout = initiative("Checkout reliability", "jonas", "Active", "onTrack",
                launchDate.plusDays(45), "Cut checkout failures in half: 3DS2 everywhere, smarter payment retries.");

        project("Neural reranker launch", "RNK", "maya", search, launchDate, "atRisk", 0.55,
                "Ship the distilled cross-encoder reranker to 100% of search traffic. PRD: Neural reranker PRD (Notion).");
        project("Query understanding", "RNK", "lena", search, launchDate.plusDays(40), "onTrack", 0.3,
                "Spelling correction and intent classification for search queries.");
        project("3DS2 migration", "PAY", "jonas", checkout, launchDate.plusDays(10), "onTrack", 0.7,
                "Move every card payment to 3-D Secure 2 before the issuer deadline.");
        project("Payment retries", "PAY", "omar", checkout, launchDate.plusDays(35), "offTrack", 0.2,
                "Retry soft declines with smart backoff; needs the platform job queue.");
        project("GPU capacity", "PLAT", "grace", search, launchDate.minusDays(14), "atRisk", 0.5,
                "Training capacity for the ranking team: quota, spot fleet, scheduling.");

        // weekly project and initiative updates
        String[] healths = {"onTrack", "onTrack", "atRisk", "onTrack", "atRisk", "offTrack"};
        for (Map<String, Object> project : projects) {
            Person lead = personByLinear((Map<?, ?>) project.get("lead"));
            for (int w = 8; w >= 1; w--) {
                Instant at = daysAgo(w * 7 - 2 + rnd.nextDouble());
                String health = w == 1 ? (String) project.get("health") : healths[rnd.nextInt(healths.length)];
                projectUpdates.add(map("id", uuid(), "body", updateBody((String) project.get("name"), w, health), "health", health,
                        "url", project.get("url") + "/updates#" + w, "createdAt", iso(at), "updatedAt", iso(at.plusSeconds(120)),
                        "editedAt", null, "archivedAt", null, "user", linearUserByKey.get(lead.key), "project", project));
            }
        }
        for (Map<String, Object> initiative : initiatives) {
            Person owner = personByLinear((Map<?, ?>) initiative.get("owner"));
            for (int w = 4; w >= 1; w--) {
                Instant at = daysAgo(w * 14 - 3);
                String health = w == 1 ? (String) initiative.get("health") : "onTrack";
                initiativeUpdates.add(map("id", uuid(), "body", "Fortnightly status (" + w * 2 + " weeks ago): "
                                + (health.equals("atRisk") ? "reranker launch depends on GPU quota (PLAT-41)." : "on plan."),
                        "health", health, "url", initiative.get("url") + "/updates#" + w, "createdAt", iso(at),
                        "updatedAt", iso(at.plusSeconds(60)), "editedAt", null, "archivedAt", null,
                        "user", linearUserByKey.get(owner.key), "initiative", initiative));
            }
        }

        buildIssues();
    }

    private Person personByLinear(Map<?, ?> user) {
        return people.stream().filter(p -> p.linearId.equals(user.get("id"))).findFirst().orElseThrow();
    }

    private String updateBody(String project, int weeksAgo, String health) {
        return switch (health) {
            case "atRisk" -> project + ": at risk. Waiting on GPU quota; shadow eval slipped a week.";
            case "offTrack" -> project + ": off track. Job queue dependency not started.";
            default -> project + ": on track (" + weeksAgo + " weeks ago). Milestones met.";
        };
    }

    private Map<String, Object> initiative(String name, String owner, String status, String health, LocalDate target,
                                           String description) {
        Instant created = daysAgo(60);
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        Map<String, Object> i = map("id", uuid(), "identifier", null, "name", name, "description", description,
                "content", description + "\n\nOwner: " + person(owner).name, "status", status, "health", health,
                "healthUpdatedAt", iso(daysAgo(3)), "targetDate", target.toString(), "url", linearUrl("initiative", slug),
                "createdAt", iso(created), "updatedAt", iso(daysAgo(3)), "archivedAt", null, "startedAt", iso(created),
                "completedAt", null, "canceledAt", null, "trashed", null, "owner", linearUserByKey.get(owner),
                "creator", linearUserByKey.get(owner), "parentInitiative", null);
        initiatives.add(i);
        return i;
    }

    private void project(String name, String team, String lead, Map<String, Object> initiative, LocalDate target,
                         String health, double progress, String description) {
        Instant created = daysAgo(58 - projects.size());
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + HexFormat.of().toHexDigits((byte) rnd.nextInt(256));
        List<Map<String, Object>> teamList = List.of(teamByKey.get(team));
        Map<String, Object> p = map("id", uuid(), "name", name, "description", description,
                "content", description + "\n\nTarget date " + target + ".", "url", linearUrl("project", slug),
                "health", health, "healthUpdatedAt", iso(daysAgo(2)), "progress", progress, "priority", 2,
                "priorityLabel", "High", "startDate", LocalDate.ofInstant(created, ZoneOffset.UTC).toString(),
                "targetDate", target.toString(), "createdAt", iso(created), "updatedAt", iso(daysAgo(2 + rnd.nextDouble())),
                "archivedAt", null, "startedAt", iso(created), "completedAt", null, "canceledAt", null, "trashed", null,
                "slugId", slug, "status", map("name", "In Progress", "type", "started"),
                "lead", linearUserByKey.get(lead), "creator", linearUserByKey.get(lead),
                "initiatives", nodes(List.of(initiative)), "teams", nodes(teamList), "accessibleTeams", nodes(teamList),
                "_team", team);
        projects.add(p);
        projectByName.put(name, p);
    }

    private static final String[][] STATES = {{"Backlog", "backlog"}, {"Todo", "unstarted"}, {"In Progress", "started"},
            {"In Review", "started"}, {"Done", "completed"}, {"Canceled", "canceled"}};
    private static final String[] PRIORITY_LABELS = {"No priority", "Urgent", "High", "Medium", "Low"};

    private static final Map<String, String[]> TOPICS = Map.of(
            "RNK", new String[]{"reranker feature", "query embedding", "click model", "eval set", "offline metric",
                    "ANN index", "long-tail SKUs", "synonym table", "training pipeline", "latency budget", "BM25 weights",
                    "cross-encoder", "shadow traffic", "A/B guardrail", "feature store"},
            "PAY", new String[]{"3DS2 challenge flow", "issuer timeout", "soft decline", "refund webhook", "PSP failover",
                    "card vault", "retry schedule", "SCA exemption", "checkout 502", "payment ledger", "Apple Pay token",
                    "fraud score", "chargeback export", "currency rounding"},
            "PLAT", new String[]{"GPU quota", "spot fleet", "CI cache", "job queue", "k8s upgrade", "Terraform state",
                    "secrets rotation", "log retention", "build agents", "Grafana alerts"});
    private static final String[] VERBS = {"Fix", "Add", "Investigate", "Refactor", "Document", "Speed up", "Monitor",
            "Remove", "Backfill", "Harden"};

    private Map<String, Object> newIssue(String team, String title, String assignee, int stateIdx, int priority,
                                         Instant created, Instant updated, String projectName, List<String> labels,
                                         String description) {
        int n = issueCounters.merge(team, 1, Integer::sum);
        String key = team + "-" + n;
        Map<String, Object> state = map("name", STATES[stateIdx][0], "type", STATES[stateIdx][1]);
        List<Map<String, Object>> labelNodes = labels.stream().map(l -> map("name", (Object) l)).toList();
        Map<String, Object> t = teamByKey.get(team);
        Map<String, Object> project = projectName == null ? null : projectByName.get(projectName);
        Map<String, Object> issue = map("id", uuid(), "identifier", key, "title", title, "description", description,
                "url", linearUrl("issue", key) + "/" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                "priority", (double) priority, "priorityLabel", PRIORITY_LABELS[priority],
                "estimate", (double) (1 + rnd.nextInt(5)), "dueDate", null, "createdAt", iso(created), "updatedAt", iso(updated),
                "startedAt", stateIdx >= 2 && stateIdx <= 4 ? iso(between(created, updated)) : null,
                "completedAt", stateIdx == 4 ? iso(updated) : null, "canceledAt", stateIdx == 5 ? iso(updated) : null,
                "archivedAt", null, "trashed", null, "state", state,
                "assignee", assignee == null ? null : linearUserByKey.get(assignee),
                "creator", linearUserByKey.get(team(team).get(0).key), "team", t, "project", project,
                "cycle", map("number", 10 + (int) ((now.getEpochSecond() - created.getEpochSecond()) / (14 * 86400)) % 5, "name", null),
                "parent", null, "labels", nodes(labelNodes));
        issues.add(issue);
        issuesByKey.put(key, issue);
        return issue;
    }

    private Map<String, Object> comment(Map<String, Object> issue, String author, String body, Instant at) {
        Map<String, Object> c = map("id", uuid(), "body", body, "url", issue.get("url") + "#comment-" + Long.toHexString(nextId()),
                "createdAt", iso(at), "updatedAt", iso(at), "editedAt", null, "archivedAt", null,
                "user", linearUserByKey.get(author), "issue", issue, "projectUpdate", null, "initiativeUpdate", null,
                "project", null, "initiative", null, "parent", null);
        comments.add(c);
        return c;
    }

    private void relation(String from, String type, String to, Instant at) {
        issueRelations.add(map("id", uuid(), "type", type, "createdAt", iso(at), "updatedAt", iso(at), "archivedAt", null,
                "issue", issuesByKey.get(from), "relatedIssue", issuesByKey.get(to)));
    }

    private void buildIssues() {
        // Background issues per team: created over 60 days, most settled well before last night.
        Map<String, Integer> counts = Map.of("RNK", 140, "PAY", 115, "PLAT", 60);
        for (String team : TEAM_KEYS) {
            List<Person> members = team(team);
            List<String> projectNames = projects.stream().filter(p -> p.get("_team").equals(team))
                    .map(p -> (String) p.get("name")).toList();
            for (int i = 0; i < counts.get(team); i++) {
                // the planted keys below must exist with their own titles: reserve them
                int next = issueCounters.get(team) + 1;
                String planted = plantedTitle(team + "-" + next);
                Instant created = daysAgo(60 - 58.0 * i / counts.get(team) + rnd.nextDouble() * 0.5);
                Instant updated = between(created, daysAgo(1.2));
                if (planted != null) {
                    plant(team + "-" + next, planted, created);
                    continue;
                }
                String topic = pick(List.of(TOPICS.get(team)));
                String title = VERBS[rnd.nextInt(VERBS.length)] + " " + topic + (rnd.nextInt(3) == 0 ? " edge cases" : "");
                int state = created.isBefore(daysAgo(25)) ? (rnd.nextInt(10) < 8 ? 4 : 5) : rnd.nextInt(5);
                List<String> labels = rnd.nextInt(4) == 0 ? List.of("bug") : rnd.nextInt(3) == 0 ? List.of("tech-debt") : List.of();
                Map<String, Object> issue = newIssue(team, title, pick(members).key, state, 1 + rnd.nextInt(4), created,
                        updated, rnd.nextInt(3) == 0 ? null : pick(projectNames), labels,
                        "Context: " + topic + ". " + (state == 4 ? "Done; see the linked PR." : "Acceptance: covered by tests."));
                if (rnd.nextInt(5) < 2) {
                    for (int k = 0, m = 1 + rnd.nextInt(2); k < m; k++) {
                        comment(issue, pick(members).key, pick(List.of("Repro'd locally.", "PR is up.",
                                "Can we pair on this tomorrow?", "Moved to next cycle.", "Looks good to me.",
                                "Added a test for the regression.")), between(created, updated));
                    }
                }
            }
        }
        // Blocker chain: PLAT-41 blocks RNK-121 blocks RNK-130 blocks RNK-134
        Instant rel = daysAgo(4.5);
        relation("PLAT-41", "blocks", "RNK-121", rel);
        relation("RNK-121", "blocks", "RNK-130", rel.plusSeconds(300));
        relation("RNK-130", "blocks", "RNK-134", rel.plusSeconds(600));
        relation("RNK-117", "related", "RNK-121", daysAgo(30));
        relation("PAY-88", "related", "PAY-90", daysAgo(9));
        for (int i = 0; i < 18; i++) {
            Map<String, Object> a = pick(issues), b = pick(issues);
            if (a != b) relation((String) a.get("identifier"), i % 3 == 0 ? "duplicate" : "related", (String) b.get("identifier"),
                    between(daysAgo(50), daysAgo(2)));
        }
    }

    private String plantedTitle(String key) {
        return switch (key) {
            case "RNK-117" -> "Distill the cross-encoder into a bi-encoder reranker";
            case "RNK-121" -> "Train the full reranker on 90 days of clicks";
            case "RNK-125" -> "Pick the fallback ranker for the launch";
            case "RNK-128" -> "Long-tail recall eval: hybrid vs dense-only retrieval";
            case "RNK-130" -> "Shadow-traffic evaluation of the reranker";
            case "RNK-134" -> "Launch the reranker to 100% of search traffic";
            case "PLAT-41" -> "Raise the GPU quota for ranking training (8 → 32 A100)";
            case "PAY-88" -> "3DS2 sandbox returns 502 on challenge flow";
            case "PAY-90" -> "Issuer timeout handling for 3DS2 challenges";
            default -> null;
        };
    }

    private void plant(String key, String title, Instant created) {
        String team = key.split("-")[0];
        switch (key) {
            case "RNK-117" -> newIssue(team, title, "tomas", 4, 2, created, daysAgo(9), "Neural reranker launch",
                    List.of("model"), "Distil the cross-encoder into a bi-encoder so p95 latency fits 25 ms.");
            case "RNK-121" -> newIssue(team, title, "lena", 2, 1, created, daysAgo(1.5), "Neural reranker launch",
                    List.of("model", "blocked"), "Blocked by PLAT-41 (GPU quota). Needs 32 A100 for 3 days.");
            case "RNK-125" -> {
                Map<String, Object> issue = newIssue(team, title, "maya", 4, 2, created, created.plusSeconds(86_400 + 7200), "Neural reranker launch",
                        List.of("decision"), "If the neural reranker misses the latency budget, what do we fall back to?");
                comment(issue, "tomas", "Options: (a) LightGBM LambdaMART on the existing features, (b) keep BM25 only.", created.plusSeconds(43_200));
                decisionCommentId = (String) comment(issue, "maya", "Decision: we'll go with LightGBM LambdaMART as the "
                        + "fallback ranker because it keeps " + METRIC + " within 2% of the cross-encoder at a third of the "
                        + "latency (p95 9 ms vs 38 ms), and we already serve its features.", created.plusSeconds(86_400 + 7200)).get("id");
            }
            case "RNK-128" -> newIssue(team, title, "tomas", 4, 2, created, daysAgo(6), "Neural reranker launch",
                    List.of("eval"), "Compare recall@100 of hybrid BM25+dense vs dense-only on long-tail SKUs.");
            case "RNK-130" -> newIssue(team, title, "lena", 1, 2, created, daysAgo(1.3), "Neural reranker launch",
                    List.of("eval", "blocked"), "Run the reranker on 10% shadow traffic for a week; target " + METRIC + " ≥ 0.42.");
            case "RNK-134" -> newIssue(team, title, "maya", 0, 1, created, daysAgo(1.4), "Neural reranker launch",
                    List.of("launch"), "Launch per the approved PRD.");
            case "PLAT-41" -> {
                Map<String, Object> issue = newIssue(team, title, "grace", 2, 1, created, daysAgo(1.6), "GPU capacity",
                        List.of("blocker"), "Cloud quota request for 32 A100; ranking training is blocked on it.");
                comment(issue, "grace", "Quota request filed with the cloud provider; ETA 5 business days.", daysAgo(6));
            }
            case "PAY-88" -> newIssue(team, title, "aiko", 2, 1, created, daysAgo(1.25), "3DS2 migration",
                    List.of("bug"), "The PSP's 3DS2 sandbox answers 502 on about 1 in 5 challenge requests.");
            case "PAY-90" -> newIssue(team, title, "omar", 1, 2, created, daysAgo(9), "3DS2 migration",
                    List.of(), "Time out issuer challenges after 30 s and fall back to frictionless where allowed.");
            default -> throw new IllegalStateException(key);
        }
    }

    // ---------------------------------------------------------------- GitHub

    private int keyedPr;
    private String keyedPrMergeSha;
    private int changesPr;
    private long changesReviewId;
    /** merge sha → PR title, for W&B runs at merge commits */
    private final List<String[]> rankerMerges = new ArrayList<>();

    private ObjectNode ghUser(Person p) {
        ObjectNode u = obj();
        u.put("login", p.githubLogin).put("id", p.githubId).put("node_id", "MDQ6VXNlcj" + p.githubId)
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + p.githubId + "?v=4")
                .put("url", "https://api.github.com/users/" + p.githubLogin)
                .put("html_url", "https://github.com/" + p.githubLogin).put("type", "User").put("site_admin", false);
        return u;
    }

    private String gitEmail(Person p) {
        return p.githubNoreply ? p.githubId + "+" + p.githubLogin + "@users.noreply.github.com" : p.email;
    }

    private ObjectNode commitNode(Repo repo, String sha, Person author, Instant at, String message, String parent) {
        ObjectNode c = obj();
        c.put("sha", sha).put("node_id", "C_kw" + sha.substring(0, 12));
        ObjectNode commit = c.putObject("commit");
        commit.putObject("author").put("name", author.name).put("email", gitEmail(author)).put("date", ghTime(at));
        commit.putObject("committer").put("name", "GitHub").put("email", "noreply@github.com").put("date", ghTime(at));
        commit.put("message", message).put("comment_count", 0)
                .put("url", "https://api.github.com/repos/" + repo.fullName + "/git/commits/" + sha);
        commit.putObject("tree").put("sha", sha()).put("url", "https://api.github.com/repos/" + repo.fullName + "/git/trees/x");
        commit.putObject("verification").put("verified", false).put("reason", "unsigned");
        c.put("url", "https://api.github.com/repos/" + repo.fullName + "/commits/" + sha)
                .put("html_url", "https://github.com/" + repo.fullName + "/commit/" + sha)
                .put("comments_url", "https://api.github.com/repos/" + repo.fullName + "/commits/" + sha + "/comments");
        c.set("author", ghUser(author));
        ObjectNode web = c.putObject("committer");
        web.put("login", "web-flow").put("id", 19864447).put("type", "User").put("site_admin", false);
        ArrayNode parents = c.putArray("parents");
        if (parent != null) parents.addObject().put("sha", parent)
                .put("url", "https://api.github.com/repos/" + repo.fullName + "/commits/" + parent);
        repo.commits.add(c);
        return c;
    }

    private void buildGitHub() {
        long repoId = 700_000_000L;
        for (String name : REPOS) repos.put(name, new Repo(name, repoId += 1234));
        Map<String, String> teamOfRepo = Map.of("kestrel/search-ranker", "RNK", "kestrel/payments-api", "PAY",
                "kestrel/platform-infra", "PLAT");
        Map<String, Integer> prCounts = Map.of("RNK", 55, "PAY", 45, "PLAT", 25);
        for (Repo repo : repos.values()) {
            String team = teamOfRepo.get(repo.fullName);
            List<Map<String, Object>> teamIssues = issues.stream()
                    .filter(i -> ((Map<?, ?>) i.get("team")).get("key").equals(team)).toList();
            String head = commitNode(repo, sha(), team(team).get(0), daysAgo(61), "Initial import", null).path("sha").asText();
            int n = prCounts.get(team);
            for (int i = 0; i < n; i++) {
                Map<String, Object> issue = teamIssues.get((int) ((long) i * teamIssues.size() / n));
                String key = (String) issue.get("identifier");
                boolean planted117 = repo.fullName.equals("kestrel/search-ranker") && i == 5;
                boolean planted130 = repo.fullName.equals("kestrel/search-ranker") && i == n - 1;
                if (planted117) issue = issuesByKey.get("RNK-117");
                if (planted130) issue = issuesByKey.get("RNK-130");
                key = (String) issue.get("identifier");
                Instant created = Instant.parse((String) issue.get("createdAt")).plusSeconds(3600 * (2 + rnd.nextInt(30)));
                if (created.isAfter(daysAgo(1.5))) created = daysAgo(2 + rnd.nextDouble());
                if (planted130) created = daysAgo(3);
                Person author = issue.get("assignee") != null ? personByLinear((Map<?, ?>) issue.get("assignee")) : pick(team(team));
                boolean open = planted130 || (!planted117 && created.isAfter(daysAgo(6)) && rnd.nextInt(3) > 0);
                boolean merged = !open && (planted117 || rnd.nextInt(10) < 9);
                Instant closed = open ? null : created.plusSeconds(3600L * (3 + rnd.nextInt(60)));
                if (closed != null && closed.isAfter(daysAgo(1.2))) closed = between(created, daysAgo(1.2));
                String title = key + ": " + issue.get("title");
                String branch = author.githubLogin + "/" + key.toLowerCase(Locale.ROOT) + "-"
                        + ((String) issue.get("title")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "");
                int number = repo.nextNumber++;
                String headSha = sha();
                String mergeSha = null;
                if (merged) {
                    mergeSha = sha();
                    commitNode(repo, mergeSha, author, closed, title + " (#" + number + ")\n\nCloses " + key + ".", head);
                    head = mergeSha;
                    if (team.equals("RNK")) rankerMerges.add(new String[]{mergeSha, key, author.key, closed.toString()});
                } else if (rnd.nextInt(4) == 0) {
                    head = commitNode(repo, sha(), pick(team(team)), between(created, daysAgo(1.2)),
                            "chore: bump dependencies", head).path("sha").asText();
                }
                Instant updated = closed != null ? closed : between(created, daysAgo(1.2));
                List<Person> reviewers = team(team).stream().filter(p -> p != author).toList();
                Person reviewer = planted130 ? person("maya") : pick(reviewers);
                Instant reviewAt = between(created, closed != null ? closed : daysAgo(1.5));
                // reviews
                List<ObjectNode> reviews = new ArrayList<>();
                String state = merged ? "APPROVED" : rnd.nextInt(2) == 0 ? "COMMENTED" : "CHANGES_REQUESTED";
                reviews.add(review(repo, number, reviewer, state,
                        state.equals("APPROVED") ? "LGTM" : "A few comments inline.", reviewAt, headSha));
                if (planted130) {
                    Instant overnight = lastNight(0.8);
                    ObjectNode r = review(repo, number, person("lena").equals(author) ? person("tomas") : person("lena"),
                            "CHANGES_REQUESTED", "The shadow eval reads " + METRIC + " from the wrong split; the PRD target "
                                    + "(≥ 0.42) is on the held-out set. Please fix before we ramp.", overnight, headSha);
                    reviews.add(r);
                    changesPr = number;
                    changesReviewId = r.path("id").asLong();
                    updated = overnight;
                }
                repo.reviews.put(number, reviews);
                ObjectNode pr = pull(repo, number, title, "Implements " + key + ".\n\n" + issue.get("description"),
                        author, branch, headSha, created, updated, closed, merged ? closed : null, mergeSha, reviewer);
                repo.pulls.add(pr);
                if (planted117) {
                    keyedPr = number;
                    keyedPrMergeSha = mergeSha;
                }
                // conversation and diff comments on some PRs
                if (rnd.nextInt(3) == 0 || planted130) {
                    issueComment(repo, number, true, reviewer, "Can you add the eval numbers to the description?",
                            between(created, updated));
                }
                if (rnd.nextInt(4) == 0) {
                    ObjectNode rc = obj();
                    long id = nextId() + 900_000_000L;
                    rc.put("url", "https://api.github.com/repos/" + repo.fullName + "/pulls/comments/" + id).put("id", id)
                            .put("node_id", "PRRC_" + id).put("pull_request_review_id", reviews.get(0).path("id").asLong())
                            .put("diff_hunk", "@@ -10,6 +10,8 @@").put("path", "src/" + key.toLowerCase(Locale.ROOT) + ".py")
                            .put("commit_id", headSha).put("original_commit_id", headSha).set("user", ghUser(reviewer));
                    Instant at = reviewAt;
                    rc.put("body", "nit: name this constant").put("created_at", ghTime(at)).put("updated_at", ghTime(at))
                            .put("html_url", "https://github.com/" + repo.fullName + "/pull/" + number + "#discussion_r" + id)
                            .put("pull_request_url", "https://api.github.com/repos/" + repo.fullName + "/pulls/" + number)
                            .put("author_association", "MEMBER").put("line", 12).put("side", "RIGHT");
                    repo.reviewComments.add(rc);
                }
            }
            // a couple of plain GitHub issues per repo
            for (int i = 0; i < 4; i++) {
                Person author = pick(team(team));
                Instant created = daysAgo(50 - i * 12);
                int number = repo.nextNumber++;
                ObjectNode issue = issueNode(repo, number, i == 0 ? "Flaky test in CI on main" : "Docs: " + pick(List.of(TOPICS.get(team))),
                        "Seen twice this week.", author, created, created.plusSeconds(86400L * (1 + i)), i % 2 == 0, null);
                repo.issues.add(issue);
                if (i == 1) issueComment(repo, number, false, pick(team(team)), "Related to " + teamIssues.get(3).get("identifier"),
                        created.plusSeconds(3600));
            }
        }
    }

    private ObjectNode review(Repo repo, int number, Person reviewer, String state, String body, Instant at, String commit) {
        ObjectNode r = obj();
        long id = 1_800_000_000L + nextId();
        r.put("id", id).put("node_id", "PRR_kw" + id).set("user", ghUser(reviewer));
        r.put("body", body).put("state", state)
                .put("html_url", "https://github.com/" + repo.fullName + "/pull/" + number + "#pullrequestreview-" + id)
                .put("pull_request_url", "https://api.github.com/repos/" + repo.fullName + "/pulls/" + number)
                .put("submitted_at", ghTime(at)).put("commit_id", commit).put("author_association", "MEMBER");
        r.putObject("_links").putObject("html").put("href", "https://github.com/" + repo.fullName + "/pull/" + number);
        return r;
    }

    private void issueComment(Repo repo, int number, boolean onPr, Person author, String body, Instant at) {
        ObjectNode c = obj();
        long id = 2_400_000_000L + nextId();
        c.put("url", "https://api.github.com/repos/" + repo.fullName + "/issues/comments/" + id)
                .put("html_url", "https://github.com/" + repo.fullName + (onPr ? "/pull/" : "/issues/") + number + "#issuecomment-" + id)
                .put("issue_url", "https://api.github.com/repos/" + repo.fullName + "/issues/" + number)
                .put("id", id).put("node_id", "IC_kw" + id).set("user", ghUser(author));
        c.put("created_at", ghTime(at)).put("updated_at", ghTime(at)).put("author_association", "MEMBER").put("body", body);
        repo.issueComments.add(c);
    }

    private ObjectNode pull(Repo repo, int number, String title, String body, Person author, String branch, String headSha,
                            Instant created, Instant updated, Instant closed, Instant merged, String mergeSha, Person reviewer) {
        ObjectNode pr = obj();
        long id = 1_500_000_000L + nextId();
        String api = "https://api.github.com/repos/" + repo.fullName;
        pr.put("url", api + "/pulls/" + number).put("id", id).put("node_id", "PR_kw" + id)
                .put("html_url", "https://github.com/" + repo.fullName + "/pull/" + number)
                .put("diff_url", "https://github.com/" + repo.fullName + "/pull/" + number + ".diff")
                .put("issue_url", api + "/issues/" + number).put("number", number)
                .put("state", closed == null ? "open" : "closed").put("locked", false).put("title", title).set("user", ghUser(author));
        pr.put("body", body).put("created_at", ghTime(created)).put("updated_at", ghTime(updated))
                .put("closed_at", closed == null ? null : ghTime(closed)).put("merged_at", merged == null ? null : ghTime(merged))
                .put("merge_commit_sha", mergeSha);
        pr.putNull("assignee");
        pr.putArray("assignees");
        ArrayNode rr = pr.putArray("requested_reviewers");
        if (closed == null) rr.add(ghUser(reviewer));
        pr.putArray("requested_teams");
        pr.putArray("labels");
        pr.putNull("milestone");
        pr.put("draft", false).put("commits_url", api + "/pulls/" + number + "/commits")
                .put("review_comments_url", api + "/pulls/" + number + "/comments")
                .put("comments_url", api + "/issues/" + number + "/comments");
        ObjectNode headNode = pr.putObject("head");
        headNode.put("label", GITHUB_ORG + ":" + branch).put("ref", branch).put("sha", headSha).set("user", ghUser(author));
        ObjectNode baseNode = pr.putObject("base");
        baseNode.put("label", GITHUB_ORG + ":main").put("ref", "main").put("sha", sha());
        baseNode.putObject("repo").put("id", repo.id).put("full_name", repo.fullName).put("name", repo.fullName.split("/")[1]);
        pr.put("author_association", "MEMBER").putNull("auto_merge").putNull("active_lock_reason");
        // the issues endpoint lists PRs too, with a pull_request key
        ObjectNode asIssue = issueNode(repo, number, title, body, author, created, updated, closed != null, merged);
        ObjectNode link = asIssue.putObject("pull_request");
        link.put("url", api + "/pulls/" + number).put("html_url", "https://github.com/" + repo.fullName + "/pull/" + number)
                .put("merged_at", merged == null ? null : ghTime(merged));
        repo.issues.add(asIssue);
        return pr;
    }

    private ObjectNode issueNode(Repo repo, int number, String title, String body, Person author, Instant created,
                                 Instant updated, boolean closed, Instant mergedOrNull) {
        ObjectNode i = obj();
        long id = 1_900_000_000L + nextId();
        String api = "https://api.github.com/repos/" + repo.fullName;
        i.put("url", api + "/issues/" + number).put("repository_url", api).put("id", id).put("node_id", "I_kw" + id)
                .put("html_url", "https://github.com/" + repo.fullName + "/issues/" + number).put("number", number)
                .put("title", title).set("user", ghUser(author));
        i.putArray("labels");
        i.put("state", closed ? "closed" : "open").put("locked", false).putNull("assignee");
        i.putArray("assignees");
        i.putNull("milestone");
        i.put("comments", 0).put("created_at", ghTime(created)).put("updated_at", ghTime(updated))
                .put("closed_at", closed ? ghTime(updated) : null).put("author_association", "MEMBER").put("body", body)
                .put("state_reason", closed ? "completed" : null);
        return i;
    }

    // ---------------------------------------------------------------- W&B

    private String crashedRun;
    private String runningRun;
    private String runAtMerge;
    private int runCounter;

    private String runName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        return sb.toString();
    }

    ObjectNode run(String project, String displayName, String state, Person user, Instant created, Instant heartbeat,
                   String commit, double metric, String group, String notes) {
        ObjectNode r = obj();
        int n = ++runCounter;
        String name = runName();
        r.put("projectId", 4242).put("id", Base64.getEncoder().encodeToString(("Run:v1:" + name + ":" + project + ":" + WANDB_ENTITY)
                .getBytes(StandardCharsets.UTF_8)));
        r.putArray("tags").add(group);
        r.put("name", name).put("displayName", displayName).putNull("sweepName").put("state", state);
        ObjectNode config = obj();
        config.putObject("lr").put("value", 0.0001 * (1 + n % 7));
        config.putObject("batch_size").put("value", 256);
        config.putObject("model").put("value", group.equals("fallback") ? "lightgbm-lambdamart" : "cross-encoder-distilled");
        if (commit != null) {
            config.putObject("git").putObject("value").put("remote", "https://github.com/kestrel/search-ranker.git")
                    .put("commit", commit);
        }
        config.putObject("_wandb").putObject("value").put("cli_version", "0.21.0");
        r.put("config", config.toString()).put("group", group).put("jobType", "train").put("commit", commit)
                .put("readOnly", false).put("createdAt", wandbTime(created)).put("heartbeatAt", wandbTime(heartbeat))
                .putNull("description").put("notes", notes);
        ObjectNode summary = obj();
        if (!state.equals("crashed") || metric > 0) summary.put(METRIC, Math.round(metric * 1000) / 1000.0);
        summary.put("recall@100", Math.round((0.7 + metric / 3) * 1000) / 1000.0).put("p95_latency_ms", 9 + n % 30)
                .put("resp_time_p99_ms", 31 + n % 13).put("_step", 1000 + n * 10).put("_runtime", Duration.between(created, heartbeat).toSeconds())
                .put("_timestamp", heartbeat.getEpochSecond());
        r.put("summaryMetrics", summary.toString()).put("historyLineCount", 1000 + n * 10);
        r.putObject("user").put("name", user.name).put("username", user.wandbUser).put("email", user.email);
        runsByProject.computeIfAbsent(project, k -> new ArrayList<>()).add(r);
        return r;
    }

    private void buildWandb() {
        runsByProject.put(WANDB_PROJECT, new ArrayList<>());
        List<Person> rnk = team("RNK").stream().filter(p -> !p.key.equals("priya")).toList();
        double best = 0.36;
        // a few exploratory runs per day, rising ndcg@10
        for (int d = 58; d >= 2; d -= 1) {
            if (rnd.nextInt(3) == 0) continue;
            Instant created = daysAgo(d + rnd.nextDouble() * 0.5);
            best = Math.min(0.43, best + rnd.nextDouble() * 0.003);
            String state = rnd.nextInt(15) == 0 ? "failed" : "finished";
            run(WANDB_PROJECT, "sweep-" + (60 - d) + "-lr", state, pick(rnk), created, created.plusSeconds(1800 + rnd.nextInt(7200)),
                    null, best - rnd.nextDouble() * 0.03, rnd.nextInt(5) == 0 ? "fallback" : "reranker", null);
        }
        // runs at merge commits of ranking PRs
        int i = 0;
        for (String[] merge : rankerMerges) {
            Instant at = Instant.parse(merge[3]).plusSeconds(1200);
            if (at.isAfter(daysAgo(1.2))) at = daysAgo(1.2);
            ObjectNode r = run(WANDB_PROJECT, merge[1].toLowerCase(Locale.ROOT) + "-train", "finished", person(merge[2]), at,
                    at.plusSeconds(3600 + rnd.nextInt(3600)), merge[0], 0.38 + 0.04 * i / Math.max(1, rankerMerges.size()),
                    "reranker", "Training run at the merge of " + merge[1] + ".");
            if (merge[1].equals("RNK-117")) runAtMerge = r.path("name").asText();
            i++;
        }
        // last night: the shadow eval crashed (OOM); a retrain is still running
        Instant crashStart = lastNight(-2);
        ObjectNode crashed = run(WANDB_PROJECT, "rnk-130-shadow-eval", "crashed", person("lena"), crashStart, lastNight(0.5),
                null, 0.417, "reranker", "Shadow-traffic eval for RNK-130. CUDA out of memory at step 8120.");
        crashedRun = crashed.path("name").asText();
        ObjectNode running = run(WANDB_PROJECT, "rnk-121-full-train", "running", person("tomas"), lastNight(1.5), now.minusSeconds(600),
                null, 0.409, "reranker", "Full reranker training for RNK-121 on the 8 GPUs we have.");
        runningRun = running.path("name").asText();
    }

    // ---------------------------------------------------------------- Notion

    private String prdId;
    private String draftId;

    private static ArrayNode richText(String text) {
        ArrayNode a = JSON.createArrayNode();
        ObjectNode t = a.addObject();
        t.put("type", "text");
        t.putObject("text").put("content", text).putNull("link");
        t.putObject("annotations").put("bold", false).put("italic", false).put("strikethrough", false)
                .put("underline", false).put("code", false).put("color", "default");
        t.put("plain_text", text).putNull("href");
        return a;
    }

    private ObjectNode userRef(Person p) {
        ObjectNode u = obj();
        u.put("object", "user").put("id", p.notionId);
        return u;
    }

    /** A block; {@code children} become its {@code /children} listing. */
    private ObjectNode block(String parentId, boolean parentIsPage, Person author, Instant at, String type, String text,
                             List<ObjectNode> children) {
        ObjectNode b = obj();
        String id = notionId();
        b.put("object", "block").put("id", id);
        ObjectNode parent = b.putObject("parent");
        if (parentIsPage) parent.put("type", "page_id").put("page_id", parentId);
        else parent.put("type", "block_id").put("block_id", parentId);
        b.put("created_time", notionTime(at)).put("last_edited_time", notionTime(at));
        b.set("created_by", userRef(author));
        b.set("last_edited_by", userRef(author));
        b.put("has_children", children != null && !children.isEmpty()).put("archived", false).put("in_trash", false).put("type", type);
        ObjectNode data = b.putObject(type);
        if (type.equals("divider")) return b;
        data.set("rich_text", richText(text));
        data.put("color", "default");
        if (type.equals("to_do")) data.put("checked", text.startsWith("Done"));
        if (children != null && !children.isEmpty()) {
            List<ObjectNode> kids = new ArrayList<>();
            for (ObjectNode c : children) {
                ((ObjectNode) c.path("parent")).removeAll().put("type", "block_id").put("block_id", id);
                kids.add(c);
            }
            blockChildren.put(id, kids);
        }
        return b;
    }

    private ObjectNode b(String type, String text, ObjectNode... children) {
        return block("", false, person("priya"), daysAgo(30), type, text, children.length == 0 ? null : List.of(children));
    }

    private ObjectNode notionPage(String title, Person author, Instant created, Instant edited, ObjectNode parent,
                                  ObjectNode properties, List<ObjectNode> blocks) {
        ObjectNode p = obj();
        String id = notionId();
        p.put("object", "page").put("id", id).put("created_time", notionTime(created)).put("last_edited_time", notionTime(edited));
        p.set("created_by", userRef(author));
        p.set("last_edited_by", userRef(author));
        p.putNull("cover");
        p.putNull("icon");
        p.set("parent", parent);
        p.put("in_trash", false).put("is_archived", false).put("is_locked", false);
        if (properties == null) {
            properties = obj();
            ObjectNode t = properties.putObject("title");
            t.put("id", "title").put("type", "title").set("title", richText(title));
        }
        p.set("properties", properties);
        p.put("url", "https://www.notion.so/" + title.replaceAll("[^A-Za-z0-9]+", "-") + "-" + id.replace("-", ""))
                .putNull("public_url").put("archived", false);
        for (ObjectNode blk : blocks) {
            ((ObjectNode) blk.path("parent")).removeAll().put("type", "page_id").put("page_id", id);
            stamp(blk, created, edited, author);
        }
        blockChildren.put(id, new ArrayList<>(blocks));
        notionPages.add(p);
        return p;
    }

    /** A block and its descendants get the page's times and author. */
    private void stamp(ObjectNode block, Instant created, Instant edited, Person author) {
        block.put("created_time", notionTime(created)).put("last_edited_time", notionTime(edited));
        block.set("created_by", userRef(author));
        block.set("last_edited_by", userRef(author));
        for (ObjectNode child : blockChildren.getOrDefault(block.path("id").asText(), List.of())) stamp(child, created, edited, author);
    }

    private ObjectNode prop(String type, JsonNode value) {
        ObjectNode p = obj();
        p.put("id", Long.toHexString(nextId())).put("type", type).set(type, value);
        return p;
    }

    private ObjectNode option(String name, String color) {
        ObjectNode o = obj();
        o.put("id", Long.toHexString(nextId())).put("name", name).put("color", color);
        return o;
    }

    private ObjectNode prdRow(String dsId, String dbId, String title, String status, Person owner, LocalDate launch,
                              double target, Instant created, Instant edited, List<ObjectNode> blocks) {
        ObjectNode props = obj();
        props.set("Name", prop("title", richText(title)));
        props.set("Status", prop("status", option(status, status.equals("Approved") ? "green" : "gray")));
        ArrayNode ownerArr = JSON.createArrayNode();
        ObjectNode o = userRef(owner);
        o.put("name", owner.name).putNull("avatar_url").put("type", "person").putObject("person").put("email", owner.email);
        ownerArr.add(o);
        props.set("Owner", prop("people", ownerArr));
        ObjectNode date = obj();
        date.put("start", launch.toString()).putNull("end").putNull("time_zone");
        props.set("Launch date", prop("date", date));
        if (target > 0) props.set("Target " + METRIC, prop("number", JSON.getNodeFactory().numberNode(target)));
        ArrayNode tags = JSON.createArrayNode();
        tags.add(option("search", "blue"));
        props.set("Tags", prop("multi_select", tags));
        ObjectNode parent = obj();
        parent.put("type", "data_source_id").put("data_source_id", dsId).put("database_id", dbId);
        return notionPage(title, owner, created, edited, parent, props, blocks);
    }

    private void buildNotion() {
        for (Person p : people) {
            ObjectNode u = obj();
            u.put("object", "user").put("id", p.notionId).put("name", p.name).putNull("avatar_url").put("type", "person");
            u.putObject("person").put("email", p.email);
            notionUsers.add(u);
        }
        ObjectNode bot = obj();
        bot.put("object", "user").put("id", uuid()).put("name", "Nightjar").putNull("avatar_url").put("type", "bot");
        bot.putObject("bot").putObject("owner").put("type", "workspace").put("workspace", true);
        notionUsers.add(bot);

        Person priya = person("priya");
        ObjectNode workspace = obj();
        workspace.put("type", "workspace").put("workspace", true);

        // The PRDs database and its data source
        String dbId = notionId();
        String dsId = notionId();
        ObjectNode ds = obj();
        ds.put("object", "data_source").put("id", dsId).put("created_time", notionTime(daysAgo(60)))
                .put("last_edited_time", notionTime(daysAgo(5)));
        ds.set("created_by", userRef(priya));
        ds.set("last_edited_by", userRef(priya));
        ds.set("title", richText("PRDs"));
        ds.set("description", JSON.createArrayNode());
        ds.putObject("parent").put("type", "database_id").put("database_id", dbId);
        ds.putObject("database_parent").put("type", "workspace").put("workspace", true);
        ds.put("is_inline", false).put("archived", false).put("in_trash", false)
                .put("url", "https://www.notion.so/" + dbId.replace("-", "")).putNull("public_url");
        ObjectNode schema = ds.putObject("properties");
        schema.putObject("Name").put("id", "title").put("name", "Name").put("type", "title").putObject("title");
        schema.putObject("Status").put("id", "st").put("name", "Status").put("type", "status").putObject("status");
        schema.putObject("Owner").put("id", "ow").put("name", "Owner").put("type", "people").putObject("people");
        schema.putObject("Launch date").put("id", "ld").put("name", "Launch date").put("type", "date").putObject("date");
        ds.put("_database_id", dbId);
        dataSources.add(ds);

        ObjectNode draft = prdRow(dsId, dbId, "Neural reranker PRD (draft)", "Draft", priya, draftLaunchDate, 0.40,
                daysAgo(45), daysAgo(30), List.of(
                        b("heading_1", "Neural reranker (draft)"),
                        b("paragraph", "Early draft, superseded by the approved PRD. Launch " + draftLaunchDate
                                + "; target " + METRIC + " ≥ 0.40 on the held-out set."),
                        b("bulleted_list_item", "Open question: dense-only or hybrid retrieval?")));
        draftId = draft.path("id").asText();
        ObjectNode prd = prdRow(dsId, dbId, "Neural reranker PRD", "Approved", priya, launchDate, 0.42,
                daysAgo(29), daysAgo(5), List.of(
                        b("heading_1", "Neural reranker"),
                        b("paragraph", "Status: Approved by Ben Adeyemi. Supersedes the draft."),
                        b("heading_2", "Launch"),
                        b("paragraph", "We launch the reranker to 100% of search traffic on " + launchDate
                                + " (RNK-134), after a week of shadow traffic (RNK-130)."),
                        b("heading_2", "Success metric"),
                        b("paragraph", "Target: " + METRIC + " ≥ 0.42 on the held-out set, with p95 latency ≤ 25 ms."),
                        b("toggle", "Fallback",
                                b("paragraph", "If the reranker misses the latency budget we ship LightGBM LambdaMART (RNK-125)."),
                                b("bulleted_list_item", "Owner: Maya Okafor")),
                        b("heading_2", "Retrieval"),
                        b("paragraph", "Hybrid BM25 + dense retrieval (decided in #rnk-team; see RNK-128).")));
        prdId = prd.path("id").asText();
        prdRow(dsId, dbId, "3DS2 migration PRD", "Approved", person("jonas"), launchDate.plusDays(10), 0,
                daysAgo(50), daysAgo(20), List.of(b("paragraph", "Every card payment through 3-D Secure 2 by the issuer deadline (PAY-88, PAY-90).")));
        prdRow(dsId, dbId, "Payment retries PRD", "In review", person("omar"), launchDate.plusDays(35), 0,
                daysAgo(25), daysAgo(4), List.of(b("paragraph", "Retry soft declines with exponential backoff; needs the platform job queue.")));

        // stand-alone pages with nested blocks
        notionPage("Engineering handbook", person("ben"), daysAgo(60), daysAgo(40), workspace, null, List.of(
                b("heading_1", "How we work"),
                b("toggle", "On-call", b("bulleted_list_item", "Primary rotates weekly"),
                        b("bulleted_list_item", "Escalate to the team lead after 30 minutes",
                                b("paragraph", "Payments: Jonas Weber. Ranking: Maya Okafor."))),
                b("callout", "Decisions go in Linear comments or the team channel, starting with 'Decision:'."),
                b("divider", "")));
        ObjectNode onboarding = notionPage("Ranking team onboarding", person("maya"), daysAgo(55), daysAgo(15), workspace, null,
                List.of(b("heading_2", "Week one"), b("numbered_list_item", "Read the Neural reranker PRD"),
                        b("numbered_list_item", "Run the eval notebook against W&B project search-ranker"),
                        b("to_do", "Done: get GPU access (PLAT-41 tracks the quota)")));
        ObjectNode sub = obj();
        sub.put("type", "page_id").put("page_id", onboarding.path("id").asText());
        notionPage("Eval notebook guide", person("tomas"), daysAgo(40), daysAgo(14), sub, null,
                List.of(b("code", "python eval.py --metric ndcg@10 --split heldout"), b("quote", "Always report the held-out split.")));
        notionPage("Incident review: checkout 502s", person("jonas"), daysAgo(20), daysAgo(18), workspace, null,
                List.of(b("heading_2", "Timeline"), b("paragraph", "502s from the PSP's 3DS2 endpoint for 42 minutes."),
                        b("heading_2", "Actions"), b("to_do", "Add issuer timeout handling (PAY-90)"),
                        b("to_do", "Done: alert on 3DS2 error rate")));
        notionPage("Launch checklist: reranker", person("maya"), daysAgo(10), daysAgo(2), workspace, null,
                List.of(b("to_do", "Shadow traffic for 7 days (RNK-130)"), b("to_do", "Done: fallback ranker decided (RNK-125)"),
                        b("toggle", "Rollback plan", b("paragraph", "Flip the ranker flag back to lambdamart."))));
        // two pages worded unlike the questions that need them ("cancellations", "page load time"): semantic retrieval's cases
        notionPage("Subscription retention review", person("ben"), daysAgo(40), daysAgo(26), workspace, null,
                List.of(b("heading_2", "Churn"), b("paragraph", "Monthly churn reached 4.1% in October, up from 3.2% in July."),
                        b("paragraph", "Most churned subscribers left within thirty days of a declined card renewal.")));
        notionPage("Storefront web vitals", person("maya"), daysAgo(45), daysAgo(27), workspace, null,
                List.of(b("paragraph", "Largest Contentful Paint (LCP) under 2.5 s at p75 on mobile, measured by real-user monitoring."),
                        b("paragraph", "Cumulative layout shift below 0.1 on the storefront.")));
        for (int w = 8; w >= 1; w--) {
            Instant at = daysAgo(w * 7 - 1);
            notionPage("Weekly sync notes, " + LocalDate.ofInstant(at, ZoneOffset.UTC), person("ben"), at, at.plusSeconds(3600),
                    workspace, null, List.of(b("bulleted_list_item", "Ranking: " + (w > 3 ? "training on track" : "waiting on GPU quota")),
                            b("bulleted_list_item", "Payments: 3DS2 migration " + (80 - w * 8) + "% of traffic")));
        }
    }

    // ---------------------------------------------------------------- Slack

    private String scratchChannel, scratchTs, decisionChannel, decisionTs, lateReplyTs, privateChannel, privateTs,
            mentionChannel, mentionTs;

    private Channel newChannel(String id, String name, boolean isPrivate, String purpose, List<Person> members, Instant created) {
        ObjectNode c = obj();
        c.put("id", id).put("name", name).put("is_channel", !isPrivate).put("is_group", isPrivate).put("is_im", false)
                .put("is_mpim", false).put("is_private", isPrivate).put("created", created.getEpochSecond())
                .put("is_archived", false).put("is_general", name.equals("general")).put("unlinked", 0)
                .put("name_normalized", name).put("is_shared", false).put("is_org_shared", false)
                .put("is_pending_ext_shared", false).put("context_team_id", SLACK_TEAM_ID)
                .put("updated", created.getEpochSecond() * 1000).put("creator", members.get(0).slackId)
                .put("is_ext_shared", false).put("is_member", true);
        c.putObject("topic").put("value", "").put("creator", "").put("last_set", 0);
        c.putObject("purpose").put("value", purpose).put("creator", members.get(0).slackId).put("last_set", created.getEpochSecond());
        c.putArray("previous_names");
        c.put("num_members", members.size());
        Channel ch = new Channel(c);
        members.forEach(p -> ch.members.add(p.slackId));
        channels.add(ch);
        return ch;
    }

    private ObjectNode message(Channel ch, Person author, String text, Instant at) {
        ObjectNode m = obj();
        String ts = slackTs(at);
        m.put("user", author.slackId).put("type", "message").put("ts", ts).put("client_msg_id", uuid())
                .put("text", text).put("team", SLACK_TEAM_ID);
        ch.messages.add(m);
        return m;
    }

    /** A thread: root plus replies at the given instants; returns the root. */
    private ObjectNode thread(Channel ch, Person author, String text, Instant at, Object... replies) {
        ObjectNode root = message(ch, author, text, at);
        for (int i = 0; i < replies.length; i += 3) {
            reply(ch, root, (Person) replies[i], (String) replies[i + 1], (Instant) replies[i + 2]);
        }
        return root;
    }

    ObjectNode reply(Channel ch, ObjectNode root, Person author, String text, Instant at) {
        String threadTs = root.path("ts").asText();
        ObjectNode r = obj();
        String ts = slackTs(at);
        r.put("user", author.slackId).put("type", "message").put("ts", ts).put("client_msg_id", uuid())
                .put("text", text).put("team", SLACK_TEAM_ID).put("thread_ts", threadTs)
                .put("parent_user_id", root.path("user").asText());
        List<ObjectNode> list = ch.replies.computeIfAbsent(threadTs, k -> new ArrayList<>());
        list.add(r);
        root.put("thread_ts", threadTs).put("reply_count", list.size());
        ArrayNode users = root.putArray("reply_users");
        list.stream().map(x -> x.path("user").asText()).distinct().forEach(users::add);
        root.put("reply_users_count", users.size()).put("latest_reply", ts).put("is_locked", false).put("subscribed", false);
        return r;
    }

    private void buildSlack() {
        for (Person p : people) {
            ObjectNode u = obj();
            u.put("id", p.slackId).put("team_id", SLACK_TEAM_ID).put("name", p.key).put("deleted", false).put("color", "9f69e7")
                    .put("real_name", p.name).put("tz", p.tz).put("tz_label", p.tz).put("tz_offset", 0);
            ObjectNode profile = u.putObject("profile");
            profile.put("title", p.title).put("phone", "").put("skype", "").put("real_name", p.name)
                    .put("real_name_normalized", p.name).put("display_name", p.key).put("display_name_normalized", p.key)
                    .put("status_text", "").put("status_emoji", "").put("avatar_hash", "g" + p.key)
                    .put("email", p.email).put("first_name", p.firstName()).put("last_name", p.name.substring(p.name.indexOf(' ') + 1))
                    .put("team", SLACK_TEAM_ID);
            u.put("is_admin", p.key.equals("ben")).put("is_owner", p.key.equals("ben")).put("is_primary_owner", false)
                    .put("is_restricted", false).put("is_ultra_restricted", false).put("is_bot", false)
                    .put("is_app_user", false).put("updated", daysAgo(30).getEpochSecond()).put("is_email_confirmed", true)
                    .put("who_can_share_contact_card", "EVERYONE");
            slackUsers.add(u);
        }
        ObjectNode bot = obj();
        bot.put("id", "U0KNIGHTJAR").put("team_id", SLACK_TEAM_ID).put("name", "nightjar").put("deleted", false)
                .put("real_name", "Nightjar").put("is_bot", true).put("updated", daysAgo(60).getEpochSecond());
        bot.putObject("profile").put("real_name", "Nightjar").put("display_name", "").put("bot_id", "B0KNIGHTJAR")
                .put("always_active", true).put("team", SLACK_TEAM_ID);
        slackUsers.add(bot);

        Instant created = daysAgo(62);
        List<Person> rnk = team("RNK"), pay = team("PAY");
        Channel general = newChannel("C0KGENERAL1", "general", false, "Company-wide", people, created);
        Channel rnkTeam = newChannel("C0KRNKTEAM1", "rnk-team", false, "Ranking team", concat(rnk, List.of(person("ben"))), created);
        Channel payments = newChannel("C0KPAYMENT1", "payments", false, "Payments team", concat(pay, List.of(person("ben"))), created);
        Channel platform = newChannel("C0KPLATFRM1", "platform", false, "Platform team and GPU requests", people, created);
        Channel scratch = newChannel("C0KSCRATCH1", "leads-scratchpad", false, "Raw thoughts. Nothing here is a decision.",
                List.of(person("ben"), person("maya"), person("jonas"), person("grace"), person("priya")), created);
        Channel leadership = newChannel("G0KLEADERS1", "leadership", true, "Leads only",
                List.of(person("ben"), person("maya"), person("jonas"), person("grace")), created);

        // background chatter: ~240 top-level messages over 60 days
        String[] chatter = {"Standup notes are in the doc.", "Deploy went out.", "Who owns the flaky test?", "Lunch at 12:30?",
                "PR up for review, small one.", "Heads-up: CI is slow today.", "Retro moved to Thursday.",
                "Thanks for the quick fix!", "Reminder: update your Linear issues before the sync.", "Merged, watching dashboards."};
        List<Channel> busy = List.of(general, rnkTeam, payments, platform);
        for (int i = 0; i < 240; i++) {
            Channel ch = busy.get(i % busy.size());
            Instant at = daysAgo(60 - 58.5 * i / 240 + rnd.nextDouble() * 0.2);
            List<Person> pool = ch == rnkTeam ? rnk : ch == payments ? pay : people;
            String text = pick(List.of(chatter));
            if (ch != general && rnd.nextInt(4) == 0) {
                List<Map<String, Object>> own = issues.stream().filter(x -> ((Map<?, ?>) x.get("team")).get("key")
                        .equals(ch == rnkTeam ? "RNK" : ch == payments ? "PAY" : "PLAT")).toList();
                text = "Picking up " + pick(own).get("identifier") + " today.";
            }
            message(ch, pick(pool), text, at);
        }
        // a few ordinary threads
        for (int i = 0; i < 5; i++) {
            Channel ch = busy.get(i % busy.size());
            Instant at = daysAgo(50 - i * 9);
            thread(ch, pick(people), "Question: does anyone know why " + pick(List.of(TOPICS.get("PLAT"))) + " alerts fired?", at,
                    pick(people), "Looking.", at.plusSeconds(600), pick(people), "False alarm, threshold too low. Fixed.",
                    at.plusSeconds(3000));
        }

        // the decision thread with its why, a week old, and a late reply last night
        Instant d = daysAgo(7.2);
        ObjectNode decision = thread(rnkTeam, person("maya"), "Retrieval for the reranker launch: hybrid BM25+dense, or dense-only? "
                        + "We need to decide this week.", d,
                person("tomas"), "Dense-only is simpler to serve, but RNK-128 shows it loses recall on long-tail SKUs.", d.plusSeconds(1800),
                person("lena"), "Hybrid costs ~3 ms p95. Within budget.", d.plusSeconds(3600),
                person("maya"), "Decision: we'll go with hybrid BM25+dense because dense-only loses 6% recall@100 on "
                        + "long-tail SKUs and the latency cost (3 ms) fits the 25 ms budget.", d.plusSeconds(5400),
                person("priya"), "Agreed, I'll note it in the PRD.", d.plusSeconds(7200));
        ObjectNode late = reply(rnkTeam, decision, person("tomas"), "Late follow-up: the full long-tail eval confirms it, "
                + "hybrid is +5.8% recall@100. <@" + person("maya").slackId + "> numbers are in W&B.", lastNight(-1));
        decisionChannel = rnkTeam.id();
        decisionTs = decision.path("ts").asText();
        lateReplyTs = late.path("ts").asText();

        // the scratchpad note proposing a different launch date than the approved PRD
        ObjectNode scratchNote = message(scratch, person("jonas"), "scratch: what if we pull the reranker launch forward to "
                + scratchDate + "? Marketing would love it before the holiday freeze. Not decided, just thinking.", daysAgo(3.1));
        scratchChannel = scratch.id();
        scratchTs = scratchNote.path("ts").asText();
        message(scratch, person("grace"), "scratch: GPU quota might land next week, maybe.", daysAgo(2.4));

        // the private channel's thread
        Instant l = daysAgo(4);
        ObjectNode priv = thread(leadership, person("ben"), "Headcount: we can open one more ML role in Q1. Maya, Jonas, thoughts?", l,
                person("maya"), "Ranking needs it more; the reranker has one owner today.", l.plusSeconds(900),
                person("jonas"), "Fine with Ranking getting it.", l.plusSeconds(4000));
        message(leadership, person("grace"), "Budget review moved to Friday.", daysAgo(20));
        message(leadership, person("jonas"), "Payments on-call is thin over the holidays; I'll cover the first week.", daysAgo(9));
        message(leadership, person("maya"), "Reranker launch is at risk until PLAT-41 lands.", daysAgo(2.5));
        privateChannel = leadership.id();
        privateTs = priv.path("ts").asText();

        // the overnight mention: Aiko (Tokyo, her afternoon) pings Jonas (Berlin, asleep)
        ObjectNode mention = message(payments, person("aiko"), "<@" + person("jonas").slackId + "> the 3DS2 sandbox is returning 502s "
                + "again on the challenge flow (PAY-88). Should we pause the 20% ramp?", lastNight(0.5));
        mentionChannel = payments.id();
        mentionTs = mention.path("ts").asText();
        message(platform, person("sam"), "Overnight: CI cache rebuilt, main is green.", lastNight(2));
    }

    /**
     * Stories added for the answer-quality evaluation, generated last so the random draws of everything
     * above (and so every id, date and number the other tests know) stay as they were: a lead's fuzzy
     * date ("early February") against the 3DS2 PRD's date, and a latency target written only in a
     * working plan, in words ("p99 response time under 40 ms"), which the runs log as
     * {@code resp_time_p99_ms}.
     */
    private void buildEvaluationStories() {
        Channel scratch = channels.stream().filter(c -> c.name().equals("leads-scratchpad")).findFirst().orElseThrow();
        message(scratch, person("jonas"), "scratch: issuers are slow to certify 3DS2; we may have to push the 3DS2 migration "
                + "rollout to early February. Not decided.", daysAgo(1.8));
        ObjectNode workspace = obj();
        workspace.put("type", "workspace").put("workspace", true);
        notionPage("Reranker serving plan", person("maya"), daysAgo(6), daysAgo(4), workspace, null,
                List.of(b("heading_2", "Serving"), b("paragraph", "Neural reranker launch: serve from the GPU pool behind the search API."),
                        b("paragraph", "Target: p99 response time under 40 ms at 2,000 QPS.")));
    }

    /**
     * Mentions for meeting prep's "open between you", generated last so that the random draws above stay
     * as they were: Lena asks Maya in #rnk-team and Maya answers in the thread (answered); Maya points
     * Lena to the eval guide and Lena reacts with a thumbs-up (answered by a reaction); Maya proposes Lena
     * in the private #leadership, which Lena cannot read (unanswered, private); Lena asks Tomás in the
     * channel and he answers in the channel, not in a thread (answered); Tomás asks Lena on the
     * shadow-eval pull request and she has not answered yet (unanswered, on GitHub).
     */
    private void buildPrepStories() {
        Channel rnkTeam = channels.stream().filter(c -> c.name().equals("rnk-team")).findFirst().orElseThrow();
        Channel leadership = channels.stream().filter(c -> c.name().equals("leadership")).findFirst().orElseThrow();
        Instant asked = daysAgo(2.2);
        thread(rnkTeam, person("lena"), "<@" + person("maya").slackId + "> can you re-review the shadow-eval PR once the split fix is in?",
                asked, person("maya"), "Yes, first thing tomorrow.", asked.plusSeconds(2400));
        ObjectNode pointer = message(rnkTeam, person("maya"), "<@" + person("lena").slackId
                + "> the held-out split is described in the eval notebook guide.", daysAgo(1.6));
        pointer.putArray("reactions").addObject().put("name", "+1").put("count", 1).putArray("users").add(person("lena").slackId);
        message(leadership, person("maya"), "Proposing <@" + person("lena").slackId + "> as owner of the shadow-eval rerun; "
                + "she knows the split best.", daysAgo(1.4));
        message(rnkTeam, person("lena"), "<@" + person("tomas").slackId + "> is the eval notebook current?", daysAgo(1.2));
        message(rnkTeam, person("tomas"), "Eval notebook is current, I updated it yesterday.", daysAgo(1.1));
        issueComment(repos.get("kestrel/search-ranker"), changesPr, true, person("tomas"),
                "@" + person("lena").githubLogin + " does the rerun read the held-out split now?", daysAgo(1.3));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        for (T t : b) if (!out.contains(t)) out.add(t);
        return out;
    }

    // ---------------------------------------------------------------- another night

    /**
     * Simulates another night at {@code at} (after the last sync): a Linear comment on the blocked launch
     * issue, a late Slack reply to the decision thread, the running W&B run finishes and a new one starts,
     * a new review on the open shadow-eval PR, and the canonical PRD is edited.
     */
    public synchronized void advance(Instant at) {
        nights++;
        Instant t = at.truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> blocked = issuesByKey.get("RNK-121");
        comment(blocked, "grace", "Night " + nights + ": quota partially granted (16 A100). Unblocking a smaller run.", t);
        blocked.put("updatedAt", iso(t));

        Channel rnk = channels.stream().filter(c -> c.id().equals(decisionChannel)).findFirst().orElseThrow();
        ObjectNode root = rnk.messages.stream().filter(m -> m.path("ts").asText().equals(decisionTs)).findFirst().orElseThrow();
        reply(rnk, root, person("lena"), "Another late note (night " + nights + "): hybrid also wins on head queries.", t);

        for (ObjectNode r : runsByProject.get(WANDB_PROJECT)) {
            if (r.path("state").asText().equals("running")) {
                r.put("state", "finished").put("heartbeatAt", wandbTime(t));
            }
        }
        run(WANDB_PROJECT, "rnk-121-train-night-" + nights, "running", person("tomas"), t, t, null, 0.415, "reranker",
                "Retrain for RNK-121 after the quota increase.");

        Repo ranker = repos.get("kestrel/search-ranker");
        ObjectNode pr = ranker.pulls.stream().filter(p -> p.path("number").asInt() == changesPr).findFirst().orElseThrow();
        ranker.reviews.get(changesPr).add(review(ranker, changesPr, person("maya"), "COMMENTED",
                "Fixed split confirmed on re-run (night " + nights + ").", t, pr.path("head").path("sha").asText()));
        pr.put("updated_at", ghTime(t));
        ranker.issues.stream().filter(i -> i.path("number").asInt() == changesPr).forEach(i -> i.put("updated_at", ghTime(t)));

        ObjectNode prd = notionPages.stream().filter(p -> p.path("id").asText().equals(prdId)).findFirst().orElseThrow();
        prd.put("last_edited_time", notionTime(t));
    }

    // ---------------------------------------------------------------- demo config

    /** {@code index/people.yml}: aliases for the GitHub logins that commit with a no-reply address. */
    public String peopleYaml() {
        StringBuilder sb = new StringBuilder("# Sandbox people (" + COMPANY + ", invented). GitHub logins whose commits use a\n"
                + "# no-reply address cannot be joined by e-mail, so they are aliased here.\npeople:\n");
        for (Person p : people) {
            if (!p.githubNoreply) continue;
            sb.append("  - email: ").append(p.email).append('\n')
                    .append("    name: ").append(p.name).append('\n')
                    .append("    aliases: [\"github:").append(p.githubLogin).append("\"]\n");
        }
        return sb.toString();
    }

    /** A rough count of the items per source, for the demo's banner and tests. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("linear", linearUsers.size() + teams.size() + initiatives.size() + projects.size() + projectUpdates.size()
                + initiativeUpdates.size() + issues.size() + issueRelations.size() + comments.size());
        int gh = 0;
        for (Repo r : repos.values()) {
            gh += r.pulls.size() + r.issues.size() + r.issueComments.size() + r.reviewComments.size() + r.commits.size();
            for (List<ObjectNode> l : r.reviews.values()) gh += l.size();
        }
        m.put("github", gh);
        m.put("wandb", runsByProject.values().stream().mapToInt(List::size).sum());
        m.put("notion", notionUsers.size() + dataSources.size() + notionPages.size());
        int slack = slackUsers.size();
        for (Channel c : channels) {
            slack += c.messages.size();
            for (List<ObjectNode> l : c.replies.values()) slack += l.size();
        }
        m.put("slack", slack);
        return m;
    }
}
