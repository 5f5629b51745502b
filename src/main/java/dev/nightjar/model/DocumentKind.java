package dev.nightjar.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of document Nightjar stores, each with the source that produces it: the first two parts of a
 * {@link DocumentId} ({@code source:kind:key}). Skills, Slack and the store name kinds through this type
 * instead of id-prefix literals such as {@code "linear:issue:"}, so a typo is a compile error and a new
 * source's kind is added here once.
 */
public enum DocumentKind {
    LINEAR_ISSUE("linear", "issue"),
    LINEAR_PROJECT("linear", "project"),
    LINEAR_INITIATIVE("linear", "initiative"),
    LINEAR_TEAM("linear", "team"),
    LINEAR_COMMENT("linear", "comment"),
    LINEAR_PROJECT_UPDATE("linear", "project-update"),
    LINEAR_INITIATIVE_UPDATE("linear", "initiative-update"),
    GITHUB_PR("github", "pr"),
    GITHUB_ISSUE("github", "issue"),
    GITHUB_REVIEW("github", "review"),
    GITHUB_COMMENT("github", "comment"),
    GITHUB_COMMIT("github", "commit"),
    WANDB_RUN("wandb", "run"),
    NOTION_PAGE("notion", "page"),
    SLACK_THREAD("slack", "thread"),
    NIGHTJAR_NOTE("nightjar", "note"),
    /** An arXiv paper: an external reference, never a fact about the team (truth level reference). */
    ARXIV_PAPER("arxiv", "paper");

    /**
     * Linear's planning documents: what a question's subject can be besides an issue or a person.
     * {@code ask}'s subject resolver, the scratchpad's project matcher and Slack's project picker read them.
     */
    public static final Set<DocumentKind> PLANNING = EnumSet.of(LINEAR_PROJECT, LINEAR_INITIATIVE);

    /**
     * The kinds whose {@code projects} may name a Linear project without a link (notes, Notion pages, Slack
     * threads): the one place to add a source's kind so that answers about a project include it.
     */
    public static final Set<DocumentKind> NAMING_PROJECTS = EnumSet.of(NIGHTJAR_NOTE, NOTION_PAGE, SLACK_THREAD);

    private final String source;
    private final String kind;

    DocumentKind(String source, String kind) {
        this.source = source;
        this.kind = kind;
    }

    /** The source system, e.g. {@code linear}. */
    public String source() {
        return source;
    }

    /** The kind within the source, e.g. {@code issue}. */
    public String kind() {
        return kind;
    }

    /** {@code source:kind:}, what every id of this kind starts with. */
    public String prefix() {
        return source + ":" + kind + ":";
    }

    /** The id of the document of this kind with {@code key}. */
    public DocumentId id(String key) {
        return DocumentId.of(source, kind, key);
    }

    /** True when {@code id} is of this kind. */
    public boolean is(DocumentId id) {
        return id.source().equals(source) && id.kind().equals(kind);
    }

    /** True when the id text {@code id} ({@code source:kind:key}) is of this kind. */
    public boolean is(String id) {
        return id != null && id.startsWith(prefix());
    }

    /** The key of an id of this kind ({@code linear:issue:ENG-1} → {@code ENG-1}). */
    public String keyOf(String id) {
        if (!is(id)) throw new IllegalArgumentException("not a " + source + " " + kind + ": " + id);
        return id.substring(prefix().length());
    }

    /** The kind of {@code id}, empty for a kind Nightjar does not name. */
    public static Optional<DocumentKind> of(DocumentId id) {
        return Arrays.stream(values()).filter(k -> k.is(id)).findFirst();
    }

    /** Every kind of the given sources. */
    public static Set<DocumentKind> ofSources(String... sources) {
        Set<DocumentKind> out = EnumSet.noneOf(DocumentKind.class);
        for (DocumentKind k : values()) for (String s : sources) if (k.source.equals(s)) out.add(k);
        return out;
    }
}
