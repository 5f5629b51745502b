package dev.nightjar.skills;

import dev.nightjar.Workspace;
import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.testing.TempWorkspace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small, realistic cross-source company as the connectors would store it (ids, kinds, states,
 * properties and links as the Linear, GitHub, W&B, Notion and Slack normalizers emit them), seen at
 * {@link TempWorkspace#NOW} = 2026-11-25T06:00Z.
 *
 * <p>Initiative "Ranker v2" (target 2026-12-15) has projects "Ranker v2 training" and "Offline eval
 * harness". RNK-101 is blocked by RNK-102, which is blocked by INF-7 (another team). RNK-104 is urgent
 * and unassigned. PR #41 (closes RNK-103) merged last night; PR #38 merged three days ago; PR #44
 * (RNK-101) is open with changes requested. W&B run r-41 (at #41's merge commit) finished with
 * NDCG@10 = 0.412 against the canonical target ≥ 0.42; r-40 finished earlier at 0.395; r-42 (at
 * #44's head) crashed three hours ago. The approved PRD v1 (launch December 1) is superseded by the
 * approved PRD v2 (launch 2026-12-15). A scratchpad thread proposes January 12, 2027 instead. A
 * private #ranker-leads thread (Dana and Lee only) holds a decision and a confidential price.
 * Initiative "Billing migration" with project "Billing migration cutover" (team PAY) gives the
 * scratchpad something else to choose from.
 */
public final class SkillsFixture {

    public static final Instant NOW = TempWorkspace.NOW;
    public static final String PRIVATE_SECRET = "vendor quote is $1.2M";
    public static final String PROJECT_URL = "https://linear.app/acme/project/ranker-v2-training-5b1c";

    private final List<Document> docs = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<PersonIdentity> people = new ArrayList<>();

    private SkillsFixture() {
    }

    public static void seed(Workspace ws) {
        SkillsFixture f = new SkillsFixture();
        f.people();
        f.linear();
        f.github();
        f.wandb();
        f.notion();
        f.notionDraft();
        f.slack();
        ws.documents().write(new Normalized(f.docs, f.links, f.people, List.of()),
                d -> ws.truthPolicy().assess(d, Optional.empty(), ws.clock().instant()));
        ws.truthRefresher().refresh();
    }

    static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    static Instant hoursAgo(long h) {
        return ago(Duration.ofHours(h));
    }

    static Instant daysAgo(long d) {
        return ago(Duration.ofDays(d));
    }

    private void people() {
        person("Dana Kim", "dana@example.com", "linear:u-dana", "github:dana", "slack:U0DANA", "wandb:dana", "notion:n-dana");
        person("Lee Park", "lee@example.com", "linear:u-lee", "github:leep", "slack:U0LEE", "wandb:lee");
        person("Sam Ortiz", "sam@example.com", "linear:u-sam", "slack:U0SAM");
        person("Priya Nair", "priya@example.com", "linear:u-priya", "slack:U0PRIYA", "github:priyan");
        links.add(new Link(DocumentId.parse("linear:team:RNK"), LinkType.MENTIONS, "person:linear:u-dana"));
        links.add(new Link(DocumentId.parse("linear:team:RNK"), LinkType.MENTIONS, "person:linear:u-lee"));
        links.add(new Link(DocumentId.parse("linear:team:PAY"), LinkType.MENTIONS, "person:linear:u-sam"));
        links.add(new Link(DocumentId.parse("linear:team:PAY"), LinkType.MENTIONS, "person:linear:u-priya"));
    }

    private void person(String name, String email, String... identities) {
        for (String identity : identities) {
            String[] p = identity.split(":", 2);
            people.add(new PersonIdentity(p[0], p[1], email, name, "Asia/Seoul"));
        }
    }

    private Document.Builder doc(String id, String url, String title, String body, Instant created, Instant updated) {
        return Document.builder(DocumentId.parse(id)).url(url).title(title).body(body).createdAt(created).updatedAt(updated);
    }

    private void add(Document.Builder b, Link... ls) {
        docs.add(b.build());
        links.addAll(List.of(ls));
    }

    private static Link link(String from, LinkType type, String to) {
        return new Link(DocumentId.parse(from), type, to);
    }

    /**
     * A thread's raw JSON as the Slack connector stores it (the {@code messages} array): {@code userTsText}
     * is member id, time, text, repeated.
     */
    static String slackMessages(Object... userTimeText) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < userTimeText.length; i += 3) {
            Instant at = (Instant) userTimeText[i + 1];
            String ts = at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
            if (i > 0) sb.append(',');
            sb.append("{\"type\":\"message\",\"user\":\"").append(userTimeText[i]).append("\",\"ts\":\"").append(ts).append("\",\"text\":")
                    .append(com.fasterxml.jackson.databind.node.TextNode.valueOf((String) userTimeText[i + 2])).append('}');
        }
        return sb.append(']').toString();
    }

    private static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    private void linear() {
        add(doc("linear:initiative:ini-rank", "https://linear.app/acme/initiative/ranker-v2-9a8b", "Ranker v2",
                "Replace the BM25 ranker with a learned ranker.", daysAgo(60), daysAgo(5))
                .state("in_progress").author("linear:u-dana").participants(List.of("linear:u-dana"))
                .properties(props("status", "Active", "target_date", "2026-12-15", "owner", "Dana Kim", "health", "at_risk")),
                link("linear:initiative:ini-rank", LinkType.ASSIGNED_TO, "person:linear:u-dana"));
        add(doc("linear:project:prj-rank", PROJECT_URL, "Ranker v2 training", "Train and ship the learned ranker.", daysAgo(50), daysAgo(2))
                .state("in_progress").projects(List.of("linear:initiative:ini-rank", "linear:team:RNK"))
                .properties(props("status", "In Progress", "target_date", "2026-12-10", "lead", "Dana Kim", "health", "at_risk", "progress", "0.4")),
                link("linear:project:prj-rank", LinkType.PART_OF, "linear:initiative:ini-rank"),
                link("linear:project:prj-rank", LinkType.ASSIGNED_TO, "person:linear:u-dana"));
        add(doc("linear:project:prj-eval", "https://linear.app/acme/project/offline-eval-harness-77aa", "Offline eval harness",
                "NDCG evaluation jobs.", daysAgo(40), daysAgo(1))
                .state("in_progress").projects(List.of("linear:initiative:ini-rank", "linear:team:RNK"))
                .properties(props("status", "In Progress", "lead", "Lee Park")),
                link("linear:project:prj-eval", LinkType.PART_OF, "linear:initiative:ini-rank"));
        add(doc("linear:initiative:ini-bill", "https://linear.app/acme/initiative/billing-migration-1f2e", "Billing migration",
                "Move invoicing to the new billing provider.", daysAgo(30), daysAgo(3)).state("in_progress")
                .properties(props("status", "Active", "target_date", "2027-02-01")));
        add(doc("linear:project:prj-bill", "https://linear.app/acme/project/billing-migration-cutover-3c4d", "Billing migration cutover",
                "Cut over invoices, refunds and the rollback plan.", daysAgo(30), daysAgo(3)).state("open")
                .projects(List.of("linear:initiative:ini-bill", "linear:team:PAY")).properties(props("status", "Planned", "lead", "Priya Nair")),
                link("linear:project:prj-bill", LinkType.PART_OF, "linear:initiative:ini-bill"));

        issue("RNK-101", "Train v2 ranker on click logs", "in_progress", "prj-rank", "u-dana", "Dana Kim", "2", daysAgo(1), null);
        issue("RNK-102", "Feature store backfill", "in_progress", "prj-rank", "u-lee", "Lee Park", "2", daysAgo(3), null);
        issue("RNK-103", "Eval harness: NDCG@10 job", "done", "prj-eval", "u-lee", "Lee Park", "3", hoursAgo(7), hoursAgo(7).toString());
        issue("RNK-104", "Hard-negative mining", "open", "prj-rank", null, null, "1", daysAgo(2), null);
        issue("RNK-105", "Tokenizer cleanup", "done", "prj-rank", "u-dana", "Dana Kim", "3", daysAgo(10), daysAgo(10).toString());
        issue("RNK-106", "Ablation report", "canceled", "prj-rank", null, null, "4", daysAgo(12), null);
        issue("INF-7", "GPU quota increase", "open", null, null, null, "2", daysAgo(4), null);
        issue("PAY-12", "Refund reconciliation", "open", "prj-bill", "u-priya", "Priya Nair", "2", daysAgo(2), null);
        links.add(link("linear:issue:RNK-102", LinkType.BLOCKS, "linear:issue:RNK-101"));
        links.add(link("linear:issue:INF-7", LinkType.BLOCKS, "linear:issue:RNK-102"));

        add(doc("linear:project-update:pu-1", PROJECT_URL + "/updates#pu-1", "Ranker v2 training update (at risk)",
                "Backfill is slipping a week; launch still planned for Dec 15.", daysAgo(2), daysAgo(2))
                .author("linear:u-dana").projects(List.of("linear:project:prj-rank")).properties(props("health", "at_risk")),
                link("linear:project-update:pu-1", LinkType.COMMENT_ON, "linear:project:prj-rank"));
        add(doc("linear:comment:c-1", "https://linear.app/acme/issue/RNK-102#comment-c1", "Comment on RNK-102: Feature store backfill",
                "Decision: we'll backfill only the last 90 days because older click logs lack the dwell-time field.", daysAgo(3), daysAgo(3))
                .author("linear:u-lee").projects(List.of("linear:team:RNK", "linear:project:prj-rank")),
                link("linear:comment:c-1", LinkType.COMMENT_ON, "linear:issue:RNK-102"));
    }

    private void issue(String key, String title, String state, String project, String assignee, String assigneeName, String priority,
                       Instant updated, String completedAt) {
        String id = "linear:issue:" + key;
        String team = key.substring(0, key.indexOf('-'));
        List<String> projects = new ArrayList<>(List.of("linear:team:" + team));
        if (project != null) projects.add("linear:project:" + project);
        Map<String, String> p = props("identifier", key, "team", team, "priority", priority, "state_type", state);
        if (assigneeName != null) p.put("assignee", assigneeName);
        if (completedAt != null) p.put("completed_at", completedAt);
        List<Link> ls = new ArrayList<>();
        if (project != null) ls.add(link(id, LinkType.PART_OF, "linear:project:" + project));
        if (assignee != null) ls.add(link(id, LinkType.ASSIGNED_TO, "person:linear:" + assignee));
        add(doc(id, "https://linear.app/acme/issue/" + key, title, title + ".", daysAgo(20), updated).state(state).projects(projects)
                .properties(p).participants(assignee == null ? List.of() : List.of("linear:" + assignee)), ls.toArray(Link[]::new));
    }

    private void github() {
        pr(41, "RNK-103: NDCG@10 eval job", "merged", "leep", hoursAgo(8), "aaa111", "closes RNK-103", "RNK-103", LinkType.CLOSES);
        pr(38, "RNK-105 tokenizer cleanup", "merged", "dana", daysAgo(3), "ccc000", "fixes RNK-105", "RNK-105", LinkType.CLOSES);
        pr(44, "RNK-101: click-log trainer", "open", "dana", hoursAgo(6), "bbb222", "Part of RNK-101", "RNK-101", LinkType.REFERENCES);
        add(doc("github:review:acme/ranker#44/9001", "https://github.com/acme/ranker/pull/44#pullrequestreview-9001",
                "Review (changes requested) of acme/ranker#44", "Please add a test for the negative sampler.", hoursAgo(5), hoursAgo(5))
                .state("changes_requested").author("github:leep").participants(List.of("github:leep")),
                link("github:review:acme/ranker#44/9001", LinkType.COMMENT_ON, "github:pr:acme/ranker#44"));
    }

    private void pr(int number, String title, String state, String author, Instant updated, String sha, String body, String issue, LinkType type) {
        String id = "github:pr:acme/ranker#" + number;
        Map<String, String> p = props("repo", "acme/ranker", "number", Integer.toString(number), "head_sha", sha + "h");
        List<Link> ls = new ArrayList<>(List.of(link(id, type, "linear:issue:" + issue), link(id, LinkType.AT_COMMIT, "commit:" + sha + "h")));
        if (state.equals("merged")) {
            p.put("merged", "true");
            p.put("merged_at", updated.toString());
            p.put("merge_commit_sha", sha);
            ls.add(link(id, LinkType.AT_COMMIT, "commit:" + sha));
        }
        add(doc(id, "https://github.com/acme/ranker/pull/" + number, title, body, updated.minus(Duration.ofDays(2)), updated).state(state)
                .author("github:" + author).participants(List.of("github:" + author)).properties(p), ls.toArray(Link[]::new));
    }

    private void wandb() {
        run("r-40", "finished", "lee", daysAgo(2), "ccc000", 0.395);
        run("r-41", "finished", "lee", hoursAgo(10), "aaa111", 0.412);
        run("r-42", "crashed", "dana", hoursAgo(3), "bbb222h", 0.0);
    }

    private void run(String name, String state, String author, Instant updated, String commit, double ndcg) {
        String id = "wandb:run:acme/ranker/" + name;
        Map<String, Double> metrics = ndcg > 0 ? Map.of("eval/ndcg@10", ndcg, "loss", 0.31) : Map.of("loss", 2.7);
        add(doc(id, "https://wandb.ai/acme/ranker/runs/" + name, name, "run " + name, updated.minus(Duration.ofHours(2)), updated)
                .state(state).author("wandb:" + author).participants(List.of("wandb:" + author)).metrics(metrics)
                .properties(props("entity", "acme", "project", "ranker", "commit", commit)),
                link(id, LinkType.AT_COMMIT, "commit:" + commit), link(id, LinkType.ASSIGNED_TO, "person:wandb:" + author));
    }

    private void notion() {
        add(doc("notion:page:prd-v1", "https://www.notion.so/acme/Ranker-v2-PRD-v1-1111", "Ranker v2 PRD (v1)",
                "Target launch: December 1, 2026.\nSuccess metric: NDCG@10 target 0.40.\nTracking: " + PROJECT_URL, daysAgo(45), daysAgo(40))
                .author("notion:n-dana").state("approved").properties(props("data_source", "PRDs", "Status", "Approved")),
                link("notion:page:prd-v1", LinkType.REFERENCES, "url:" + PROJECT_URL));
        add(doc("notion:page:prd-v2", "https://www.notion.so/acme/Ranker-v2-PRD-2222", "Ranker v2 PRD",
                "Scope: learned ranker for web search, English only.\nTarget launch: 2026-12-15.\n"
                        + "Success metric: NDCG@10 ≥ 0.42 on the offline eval set.\nOwner: Dana Kim\nTracking: " + PROJECT_URL, daysAgo(20), daysAgo(10))
                .author("notion:n-dana").state("approved").properties(props("data_source", "PRDs", "Status", "Approved")),
                link("notion:page:prd-v2", LinkType.REFERENCES, "url:" + PROJECT_URL));
    }

    private void notionDraft() {
        add(doc("notion:page:handover", "https://www.notion.so/acme/Ranker-handover-3333", "Ranker v2 handover notes",
                "Draft. From December the ranker v2 owner is Lee Park while Dana is on leave.", daysAgo(1), daysAgo(1))
                .author("notion:n-dana").properties(props("data_source", "Docs", "Status", "Draft")));
    }

    private void slack() {
        add(doc("slack:thread:C0SCRATCH/1764000000.000100", "https://acme.slack.com/archives/C0SCRATCH/p1764000000000100",
                "#ranker-scratch: thinking we should push the ranker v2 launch",
                "Dana Kim: thinking we should push the ranker v2 launch to January 12, 2027, the backfill (RNK-102) keeps slipping",
                hoursAgo(20), hoursAgo(20)).author("slack:U0DANA").participants(List.of("slack:U0DANA"))
                .rawJson(slackMessages("U0DANA", hoursAgo(20), "thinking we should push the ranker v2 launch to January 12, 2027, the backfill (RNK-102) keeps slipping"))
                .properties(props("channel", "ranker-scratch", "scratchpad", "true")),
                link("slack:thread:C0SCRATCH/1764000000.000100", LinkType.REFERENCES, "linear:issue:RNK-102"));
        add(doc("slack:thread:C0PRIV/1764000100.000200", "https://acme.slack.com/archives/C0PRIV/p1764000100000200",
                "#ranker-leads: distilled ranker",
                "Lee Park: Decision: we'll go with the distilled ranker for RNK-101 because the latency budget is 40ms.\n\n"
                        + "Dana Kim: agreed, and the " + PRIVATE_SECRET + " so keep it here",
                hoursAgo(12), hoursAgo(12).plusSeconds(600)).author("slack:U0LEE").participants(List.of("slack:U0LEE", "slack:U0DANA"))
                .rawJson(slackMessages("U0LEE", hoursAgo(12), "Decision: we'll go with the distilled ranker for RNK-101 because the latency budget is 40ms.",
                        "U0DANA", hoursAgo(12).plusSeconds(600), "agreed, and the " + PRIVATE_SECRET + " so keep it here"))
                .properties(props("channel", "ranker-leads")).acl(Acl.members(List.of("slack:U0DANA", "slack:U0LEE"))),
                link("slack:thread:C0PRIV/1764000100.000200", LinkType.REFERENCES, "linear:issue:RNK-101"));
        add(doc("slack:thread:C0RANK/1763900000.000300", "https://acme.slack.com/archives/C0RANK/p1763900000000300",
                "#ranker: feature schema",
                "Lee Park: we decided to freeze the feature schema until launch since every backfill of RNK-102 costs a day.\n\n"
                        + "Dana Kim: <@U0SAM> can you confirm the GPU quota ask in INF-7?",
                daysAgo(2), daysAgo(2).plusSeconds(900)).author("slack:U0LEE").participants(List.of("slack:U0LEE", "slack:U0DANA"))
                .rawJson(slackMessages("U0LEE", daysAgo(2), "we decided to freeze the feature schema until launch since every backfill of RNK-102 costs a day.",
                        "U0DANA", daysAgo(2).plusSeconds(900), "<@U0SAM> can you confirm the GPU quota ask in INF-7?"))
                .properties(props("channel", "ranker")),
                link("slack:thread:C0RANK/1763900000.000300", LinkType.REFERENCES, "linear:issue:INF-7"),
                link("slack:thread:C0RANK/1763900000.000300", LinkType.REFERENCES, "linear:issue:RNK-102"),
                link("slack:thread:C0RANK/1763900000.000300", LinkType.MENTIONS, "person:slack:U0SAM"));
    }
}
