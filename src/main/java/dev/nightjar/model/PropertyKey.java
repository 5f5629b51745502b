package dev.nightjar.model;

/**
 * The keys of {@link Document#properties()} that skills, Slack and truth rules read, with the source
 * that writes each. Read them with {@link Document#property(PropertyKey)}.
 */
public enum PropertyKey {
    /** Linear issue: the assignee's identity. */
    ASSIGNEE("assignee"),
    /** Linear: priority 0 (none) to 4 (low); 1 is urgent. */
    PRIORITY("priority"),
    /** Linear issue: the team's key (RNK) and name. */
    TEAM("team"),
    TEAM_NAME("team_name"),
    /** Linear issue: the workflow state's own name ("In Review"). */
    STATE_NAME("state_name"),
    /** Linear: when the issue or project was completed or canceled, started (ISO-8601). */
    COMPLETED_AT("completed_at"),
    CANCELED_AT("canceled_at"),
    STARTED_AT("started_at"),
    /** Linear project: target date (ISO date) and health (onTrack, atRisk, offTrack). */
    TARGET_DATE("target_date"),
    HEALTH("health"),
    /** GitHub pull request or issue: its number; merged_at for a merged pull request. */
    NUMBER("number"),
    MERGED_AT("merged_at"),
    /** W&B run: its entity and project. */
    ENTITY("entity"),
    PROJECT("project"),
    /** Slack thread: channel and reply count. */
    CHANNEL("channel"),
    REPLY_COUNT("reply_count"),
    /** Slack thread or note: "true" when written in a scratchpad channel (connectors/slack.yml). */
    SCRATCHPAD("scratchpad"),
    /** Notion page: the data source (database) it is a row of. */
    DATA_SOURCE("data_source"),
    /** arXiv paper: its authors, comma-separated (external people, never identities). */
    AUTHORS("authors"),
    /** Nightjar note: who wrote it, its notes, routing and candidate projects. */
    BY("by"),
    NOTES("notes"),
    ROUTING("routing"),
    CANDIDATES("candidates");

    private final String key;

    PropertyKey(String key) {
        this.key = key;
    }

    /** The key as stored in the properties JSON. */
    public String key() {
        return key;
    }
}
