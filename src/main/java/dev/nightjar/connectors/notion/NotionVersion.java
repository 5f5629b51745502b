package dev.nightjar.connectors.notion;

/**
 * The two API dialects the connector speaks. 2025-09-03 splits databases into data sources (rows are
 * queried per data source); 2022-06-28 queries databases directly. Everything else we use (search,
 * block children, users) is the same in both.
 */
public enum NotionVersion {
    CURRENT("2025-09-03", "data_source", "data_sources"),
    LEGACY("2022-06-28", "database", "databases");

    private final String header;
    private final String containerObject;
    private final String queryCollection;

    NotionVersion(String header, String containerObject, String queryCollection) {
        this.header = header;
        this.containerObject = containerObject;
        this.queryCollection = queryCollection;
    }

    /** The Notion-Version header value. */
    public String header() {
        return header;
    }

    /** The search filter value and {@code object} of a row container: data_source or database. */
    public String containerObject() {
        return containerObject;
    }

    /** Path segment of the row query: {@code /v1/<segment>/{id}/query}. */
    public String queryCollection() {
        return queryCollection;
    }

    public static NotionVersion fromHeader(String header) {
        for (NotionVersion v : values()) {
            if (v.header.equals(header)) return v;
        }
        // An unknown newer version behaves like the current dialect (data sources).
        return header.compareTo(CURRENT.header) >= 0 ? CURRENT : LEGACY;
    }
}
