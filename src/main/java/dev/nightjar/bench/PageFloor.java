package dev.nightjar.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightjar.connectors.arxiv.ArxivSettings;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.sandbox.SamplePapers;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fewest requests a full sync of the sample company could make: for every list the source has to
 * be asked for, ceil(items / the API's largest page), at least one request per list (an empty list
 * still takes a call to learn it is empty). Per-container lists (a PR's reviews, a page's blocks, a
 * thread's replies, a private channel's members) count once per container. Page sizes are the APIs' maxima from
 * /work/shared/api/FACTS.md; where an API documents none (W&B) or a query's complexity caps it (Linear
 * teams with their members), the connector's page size is used.
 */
final class PageFloor {

    static final int LINEAR_PAGE = 250, LINEAR_TEAMS_PAGE = 50;
    static final int GITHUB_PAGE = 100;
    static final int WANDB_PAGE = 50;
    static final int NOTION_PAGE = 100;
    static final int SLACK_HISTORY_PAGE = 999, SLACK_LIST_PAGE = 200;

    private PageFloor() {
    }

    /** Minimum requests per source, in {@link dev.nightjar.sandbox.SandboxServers#SOURCES} order. */
    static Map<String, Long> of(SampleCompany c) {
        synchronized (c) {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("linear", linear(c));
            m.put("github", github(c));
            m.put("wandb", c.runsByProject.values().stream().mapToLong(runs -> pages(runs.size(), WANDB_PAGE)).sum());
            m.put("notion", notion(c));
            m.put("slack", slack(c));
            m.put("arxiv", pages(SamplePapers.generate(c.now()).size(), ArxivSettings.DEFAULT_PAGE_SIZE));
            return m;
        }
    }

    private static long linear(SampleCompany c) {
        long n = pages(c.teams.size(), LINEAR_TEAMS_PAGE);
        for (List<?> list : List.of(c.linearUsers, c.initiatives, c.projects, c.initiativeUpdates, c.projectUpdates, c.issues,
                c.issueRelations, c.comments)) {
            n += pages(list.size(), LINEAR_PAGE);
        }
        return n;
    }

    /** Per repository: pulls, issues (which list PRs too), issue comments, review comments, commits; reviews per PR. */
    private static long github(SampleCompany c) {
        long n = 0;
        for (SampleCompany.Repo r : c.repos.values()) {
            for (List<?> list : List.of(r.pulls, r.issues, r.issueComments, r.reviewComments, r.commits)) n += pages(list.size(), GITHUB_PAGE);
            for (ObjectNode pr : r.pulls) n += pages(r.reviews.getOrDefault(pr.path("number").asInt(), List.of()).size(), GITHUB_PAGE);
        }
        return n;
    }

    /** Users; one search for every page (it returns data-source rows too); each page's and each parent block's children. */
    private static long notion(SampleCompany c) {
        long n = pages(c.notionUsers.size(), NOTION_PAGE) + pages(c.notionPages.size(), NOTION_PAGE);
        for (ObjectNode page : c.notionPages) {
            if (!c.blockChildren.containsKey(page.path("id").asText())) n++;
        }
        return n + sum(c.blockChildren.values(), NOTION_PAGE);
    }

    /**
     * users.list, conversations.list; per channel its history, and its members when private (a public
     * channel's readers are the whole workspace); per thread its replies (root included).
     */
    private static long slack(SampleCompany c) {
        long n = pages(c.slackUsers.size(), SLACK_LIST_PAGE) + pages(c.channels.size(), SLACK_LIST_PAGE);
        for (SampleCompany.Channel ch : c.channels) {
            if (ch.info.path("is_private").asBoolean(false)) n += pages(ch.members.size(), SLACK_LIST_PAGE);
            n += pages(ch.messages.size(), SLACK_HISTORY_PAGE);
            for (List<ObjectNode> replies : ch.replies.values()) n += pages(replies.size() + 1, SLACK_HISTORY_PAGE);
        }
        return n;
    }

    private static long sum(Collection<? extends List<?>> lists, int pageSize) {
        return lists.stream().mapToLong(l -> pages(l.size(), pageSize)).sum();
    }

    /** ceil(items / pageSize), and at least 1. */
    static long pages(int items, int pageSize) {
        return Math.max(1, (items + pageSize - 1) / pageSize);
    }
}
