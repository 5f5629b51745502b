package dev.nightjar.model;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may see a document: everyone in the workspace ({@code everyone}), or only the listed principals. Principals are
 * identities ({@code slack:U0123}, {@code github:octocat}) or e-mail addresses; a reader is resolved
 * to all of their identities before {@link #visibleTo} is asked.
 */
public record Acl(boolean everyone, Set<String> principals) {

    private static final Acl WORKSPACE = new Acl(true, Set.of());

    public Acl {
        principals = Set.copyOf(principals == null ? Set.of() : principals);
    }

    public static Acl workspace() {
        return WORKSPACE;
    }

    public static Acl members(Collection<String> principals) {
        return new Acl(false, new TreeSet<>(principals));
    }

    public boolean visibleTo(Collection<String> readerIdentities) {
        if (everyone) return true;
        for (String identity : readerIdentities) {
            if (principals.contains(identity)) return true;
        }
        return false;
    }
}
