package dev.nightjar.truth;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.StoredDocument;
import java.util.Locale;

/**
 * What a document is about, for supersession: two canonical documents on the same subject cannot both
 * be current. The subject is the Linear project or initiative the document belongs to or links to;
 * failing that, its title without version words ("draft", "v2", "final"), so "Billing PRD (draft)"
 * and "Billing PRD v2" share one.
 */
public final class Subjects {

    private Subjects() {
    }

    public static String of(StoredDocument d, DocumentStore store) {
        for (String p : d.document().projects()) {
            if (DocumentKind.LINEAR_PROJECT.is(p) || DocumentKind.LINEAR_INITIATIVE.is(p)) return p;
        }
        for (Link l : store.linksFrom(d.id())) {
            if ((l.type() == LinkType.PART_OF || l.type() == LinkType.REFERENCES)
                    && (DocumentKind.LINEAR_PROJECT.is(l.to()) || DocumentKind.LINEAR_INITIATIVE.is(l.to()))) {
                return l.to();
            }
        }
        return "title:" + normalizeTitle(d.document().title());
    }

    static String normalizeTitle(String title) {
        String t = title.toLowerCase(Locale.ROOT)
                .replaceAll("\\b(draft|final|wip|approved|old|new|copy|of)\\b", " ")
                .replaceAll("\\bv\\d+(\\.\\d+)*\\b", " ")
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim();
        return t.replaceAll("\\s+", " ");
    }
}
