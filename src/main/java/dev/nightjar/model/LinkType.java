package dev.nightjar.model;

import java.util.Locale;

/** Typed edges between documents, people and shared references (see {@link Link}). */
public enum LinkType {
    /** the document mentions another document (issue key in a PR title, URL in a Slack message) */
    REFERENCES,
    /** `closes/fixes KEY`: merging the source completes the target */
    CLOSES,
    /** the source blocks the target (Linear issue relation) */
    BLOCKS,
    /** the source is part of the target (issue in project, project in initiative, comment on issue) */
    PART_OF,
    /** the source is a reply, review or comment on the target */
    COMMENT_ON,
    /** the source was built from / is a commit ({@code commit:<sha>} target) */
    AT_COMMIT,
    /** the source names a person ({@code person:<identity>} target) */
    MENTIONS,
    /** the person target is responsible for the source (assignee, lead, owner) */
    ASSIGNED_TO,
    /** the source duplicates or relates to the target without ordering */
    RELATED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkType fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
