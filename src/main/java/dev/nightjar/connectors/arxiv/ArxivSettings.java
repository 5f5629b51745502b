package dev.nightjar.connectors.arxiv;

import dev.nightjar.connectors.ConnectorSettings;
import java.util.List;

/**
 * {@code connectors/arxiv.yml}. arXiv's API needs no token, so {@code token-env} is accepted and ignored.
 *
 * @param categories arXiv categories ({@code cs.LG}, {@code cs.DB}), ORed
 * @param terms      optional phrases, ORed among themselves and ANDed with the categories
 * @param pageSize   entries per request; arXiv asks for slices of at most 2000 and answers large ones slowly
 * @param maxPapers  how far back the first (or a {@code --full}) sync reads, in papers, so a busy
 *                   category does not pull its whole history
 */
public record ArxivSettings(boolean enabled, String baseUrl, String tokenEnv, List<String> categories, List<String> terms,
                            Integer pageSize, Integer maxPapers) implements ConnectorSettings {

    public static final String DEFAULT_BASE_URL = "http://export.arxiv.org/api/query";
    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int DEFAULT_MAX_PAPERS = 500;

    public ArxivSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
        categories = categories == null ? List.of() : List.copyOf(categories);
        terms = terms == null ? List.of() : List.copyOf(terms);
        pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : Math.clamp(pageSize, 1, 2000);
        maxPapers = maxPapers == null ? DEFAULT_MAX_PAPERS : Math.max(1, maxPapers);
    }

    /**
     * arXiv's {@code search_query}: {@code (cat:cs.LG OR cat:cs.DB) AND (all:"query optimization")}.
     * Phrases are quoted so arXiv matches them as phrases (its query syntax, arxiv.org/help/api/user-manual §5.1).
     */
    public String searchQuery() {
        String cats = String.join(" OR ", categories.stream().map(c -> "cat:" + c.trim()).toList());
        if (terms.isEmpty()) return categories.size() > 1 ? "(" + cats + ")" : cats;
        String words = String.join(" OR ", terms.stream().map(t -> "all:\"" + t.trim().replace("\"", "") + "\"").toList());
        return "(" + cats + ") AND (" + words + ")";
    }
}
