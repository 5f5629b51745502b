package dev.nightjar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.sandbox.SampleCompany;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "1% changed": edits a given number of each source's main records, spread evenly over its list, the
 * way a user would: a Linear issue retitled, a GitHub PR retitled, a W&B run's notes edited, a Notion
 * page retitled (each with its update time moved to {@code at}), and a new reply in a Slack thread
 * whose root is inside the connector's 14-day lookback. Each edit changes one stored document.
 * Edits the public lists under the company's lock, as the sandbox servers read them.
 */
final class CompanyEdits {

    private static final DateTimeFormatter LINEAR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WANDB = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Duration SLACK_LOOKBACK = Duration.ofDays(14);

    private final SampleCompany company;
    private final Instant at;
    private final String mark;

    private CompanyEdits(SampleCompany company, Instant at, String mark) {
        this.company = company;
        this.at = at.truncatedTo(ChronoUnit.SECONDS);
        this.mark = mark;
    }

    /**
     * {@code percent}% of each source's documents, at least one: how many edits {@link #apply} should make.
     *
     * @param documents documents per source in the store
     */
    static Map<String, Integer> share(Map<String, Integer> documents, double percent) {
        Map<String, Integer> n = new LinkedHashMap<>();
        documents.forEach((source, docs) -> n.put(source, Math.max(1, (int) Math.round(docs * percent / 100.0))));
        return n;
    }

    /** Edits up to {@code wanted} records per source at {@code at}; returns how many it edited per source. */
    static Map<String, Integer> apply(SampleCompany company, Map<String, Integer> wanted, Instant at, String mark) {
        CompanyEdits edits = new CompanyEdits(company, at, mark);
        synchronized (company) {
            Map<String, Integer> n = new LinkedHashMap<>();
            n.put("linear", edits.linear(wanted.getOrDefault("linear", 0)));
            n.put("github", edits.github(wanted.getOrDefault("github", 0)));
            n.put("wandb", edits.wandb(wanted.getOrDefault("wandb", 0)));
            n.put("notion", edits.notion(wanted.getOrDefault("notion", 0)));
            n.put("slack", edits.slack(wanted.getOrDefault("slack", 0)));
            return n;
        }
    }

    private int linear(int wanted) {
        List<Map<String, Object>> picked = spread(company.issues, wanted);
        for (Map<String, Object> issue : picked) {
            issue.put("title", issue.get("title") + " " + mark);
            issue.put("updatedAt", LINEAR.format(at));
        }
        return picked.size();
    }

    private int github(int wanted) {
        List<ObjectNode> pulls = new ArrayList<>();
        company.repos.values().forEach(r -> pulls.addAll(r.pulls));
        List<ObjectNode> picked = spread(pulls, wanted);
        for (ObjectNode pr : picked) {
            SampleCompany.Repo repo = company.repos.get(pr.path("base").path("repo").path("full_name").asText());
            retitle(pr);
            // the issues endpoint lists the PR too, with the same title and update time
            if (repo != null) repo.issues.stream().filter(i -> i.path("number").asInt() == pr.path("number").asInt()).forEach(this::retitle);
        }
        return picked.size();
    }

    private void retitle(ObjectNode item) {
        item.put("title", item.path("title").asText() + " " + mark).put("updated_at", at.toString());
    }

    private int wandb(int wanted) {
        List<ObjectNode> runs = new ArrayList<>();
        company.runsByProject.values().forEach(runs::addAll);
        List<ObjectNode> picked = spread(runs, wanted);
        for (ObjectNode run : picked) run.put("notes", run.path("notes").asText("") + " " + mark).put("heartbeatAt", WANDB.format(at));
        return picked.size();
    }

    private int notion(int wanted) {
        List<ObjectNode> picked = spread(company.notionPages, wanted);
        for (ObjectNode page : picked) {
            for (JsonNode property : page.path("properties")) {
                if (!"title".equals(property.path("type").asText())) continue;
                ArrayNode title = (ArrayNode) property.path("title");
                if (title.isEmpty()) continue;
                ObjectNode first = (ObjectNode) title.get(0);
                String text = first.path("plain_text").asText() + " " + mark;
                first.put("plain_text", text);
                ((ObjectNode) first.path("text")).put("content", text);
            }
            page.put("last_edited_time", LINEAR.format(at.truncatedTo(ChronoUnit.MINUTES)));
        }
        return picked.size();
    }

    /** A new reply under roots posted inside the lookback window (older threads are only seen by a full sync). */
    private int slack(int wanted) {
        List<Object[]> recent = new ArrayList<>();
        Instant since = at.minus(SLACK_LOOKBACK);
        for (SampleCompany.Channel ch : company.channels) {
            for (ObjectNode m : ch.messages) {
                if (ts(m.path("ts").asText()).isAfter(since)) recent.add(new Object[]{ch, m});
            }
        }
        recent.sort(Comparator.comparing(o -> ((ObjectNode) o[1]).path("ts").asText()));
        List<Object[]> picked = spread(recent, wanted);
        int micros = 0;
        for (Object[] pick : picked) reply((SampleCompany.Channel) pick[0], (ObjectNode) pick[1], ++micros);
        return picked.size();
    }

    private void reply(SampleCompany.Channel ch, ObjectNode root, int micros) {
        String threadTs = root.path("ts").asText();
        String ts = at.getEpochSecond() + "." + String.format(java.util.Locale.ROOT, "%06d", 900_000 + micros);
        String author = ch.members.get(micros % ch.members.size());
        ObjectNode r = root.objectNode();
        r.put("user", author).put("type", "message").put("ts", ts).put("client_msg_id", java.util.UUID.nameUUIDFromBytes(ts.getBytes()).toString())
                .put("text", "Follow-up " + mark + ".").put("team", SampleCompany.SLACK_TEAM_ID).put("thread_ts", threadTs)
                .put("parent_user_id", root.path("user").asText());
        List<ObjectNode> replies = ch.replies.computeIfAbsent(threadTs, k -> new ArrayList<>());
        replies.add(r);
        root.put("thread_ts", threadTs).put("reply_count", replies.size());
        ArrayNode users = root.putArray("reply_users");
        replies.stream().map(x -> x.path("user").asText()).distinct().forEach(users::add);
        root.put("reply_users_count", users.size()).put("latest_reply", ts).put("is_locked", false).put("subscribed", false);
    }

    private static Instant ts(String slackTs) {
        return Instant.ofEpochSecond(Long.parseLong(slackTs.substring(0, slackTs.indexOf('.'))));
    }

    /** {@code wanted} elements of {@code list} (fewer if it is shorter), evenly spaced. */
    static <T> List<T> spread(List<T> list, int wanted) {
        int n = Math.min(list.size(), wanted);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(list.get((int) ((long) i * list.size() / n)));
        return out;
    }
}
