package dev.nightjar.skills.ask;

import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Sections;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.truth.CanonicalFacts;
import dev.nightjar.truth.Conflicts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The canonical documents of a subject: their planned dates, owners and metric targets stated as facts,
 * superseded ones named as such (never their values), stale ones flagged; and conflicts: a newer
 * lower-truth document stating a different date (exact or vague: "early February", "slip two weeks"),
 * owner or target than the current canonical one, about the same subject (found by the truth policy's
 * {@link Conflicts}).
 *
 * <p>Where a fact comes from: a page property states it ({@code Owner}, {@code Launch date}) and beats
 * anything in the body; in the body, a section's heading or toggle scopes its lines, so "Owner: Maya
 * Okafor" under "Fallback" is the fallback's owner, told as such and never compared with the page's owner.
 */
public final class Canon {

    private final List<StoredDocument> current = new ArrayList<>();
    private final List<StoredDocument> superseded = new ArrayList<>();

    public Canon(Collection<StoredDocument> docs) {
        for (StoredDocument d : docs) {
            if (d.truth() != TruthLevel.CANONICAL) continue;
            (d.superseded() ? superseded : current).add(d);
        }
        current.sort(Comparator.comparing(Canon::updated).reversed());
    }

    public List<StoredDocument> current() {
        return List.copyOf(current);
    }

    /** The first metric target named in a current canonical document for {@code metricKey}. */
    public Optional<Target> target(String metricKey) {
        return targets().stream().filter(t -> t.target().key().equals(metricKey)).findFirst();
    }

    /** Every metric target of the current canonical documents (the document's own, not a section's). */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (StoredDocument d : current) {
            for (Mentions.MetricTarget t : Mentions.metricTargets(Sections.unscoped(d.document().body()))) {
                if (out.stream().noneMatch(o -> o.target().key().equals(t.key()))) out.add(new Target(t, d));
            }
        }
        return out;
    }

    public record Target(Mentions.MetricTarget target, StoredDocument source) {
        public String describe() {
            return target.describe();
        }
    }

    /** Owners named inside a section: (section, owner). */
    static List<String[]> sectionOwners(StoredDocument d) {
        List<String[]> out = new ArrayList<>();
        for (Sections.Line l : Sections.lines(d.document().body())) {
            if (l.scope() == null) continue;
            for (String o : Mentions.owners(l.text())) out.add(new String[]{l.scope(), o});
        }
        return out;
    }

    public void facts(FactSheet sheet, String section) {
        for (StoredDocument d : current) {
            String title = d.document().title();
            String flag = d.stale() ? " (stale: past its review date " + day(d.reviewBy()) + "; confirm before relying on it)" : "";
            for (Mentions.DateMention m : CanonicalFacts.dates(d)) {
                sheet.add(section, capital(m.what()) + " date " + m.date() + ", per the canonical " + title + flag + ".", d);
            }
            for (Mentions.MetricTarget t : Mentions.metricTargets(Sections.unscoped(d.document().body()))) {
                sheet.add(section, "Target " + t.describe() + ", per the canonical " + title + flag + ".", d);
            }
            List<String> owners = CanonicalFacts.owners(d);
            if (!owners.isEmpty()) sheet.add(section, "Owner " + String.join(", ", owners) + ", per the canonical " + title + flag + ".", d);
            for (String[] so : sectionOwners(d)) {
                if (!owners.contains(so[1])) sheet.add(section, capital(so[0]) + " (a section of " + title + "): owner " + so[1] + ".", d);
            }
        }
        for (StoredDocument old : superseded) {
            Optional<StoredDocument> by = current.stream().filter(c -> c.id().equals(old.supersededBy())).findFirst();
            if (by.isPresent()) {
                sheet.add(section, old.document().title() + " is superseded by " + by.get().document().title()
                        + "; its dates and targets are not current.", old, by.get());
            } else {
                sheet.add(section, old.document().title() + " is superseded; its dates and targets are not current.", old);
            }
        }
    }

    /** Conflicts between each current canonical document and newer, lower-truth documents among {@code others}: see {@link Conflicts}. */
    public void conflicts(FactSheet sheet, Collection<StoredDocument> others) {
        Conflicts.find(current, sheet, others);
    }

    public static Instant updated(StoredDocument d) {
        return CanonicalFacts.updated(d);
    }

    public static LocalDate day(Instant i) {
        return CanonicalFacts.day(i);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
