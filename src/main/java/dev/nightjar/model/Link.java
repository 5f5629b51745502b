package dev.nightjar.model;

import java.util.Objects;

/**
 * A typed edge from a document to a target. The target is one of:
 * <ul>
 *   <li>a document id ({@code linear:issue:ASR-117}), which may not be in the store yet;</li>
 *   <li>a person: {@code person:<identity>} ({@code person:github:octocat}) or {@code person:<email>};</li>
 *   <li>a shared reference that several sources name independently: {@code commit:<sha>}
 *       (a W&B run's git commit, a GitHub commit, a PR's merge commit all point at the same one).</li>
 * </ul>
 */
public record Link(DocumentId from, LinkType type, String to) {

    public Link {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
    }

    public static Link toDocument(DocumentId from, LinkType type, DocumentId to) {
        return new Link(from, type, to.toString());
    }

    public static Link toPerson(DocumentId from, LinkType type, String identityOrEmail) {
        return new Link(from, type, "person:" + identityOrEmail);
    }

    public static Link toCommit(DocumentId from, String sha) {
        return new Link(from, LinkType.AT_COMMIT, "commit:" + sha.toLowerCase(java.util.Locale.ROOT));
    }
}
