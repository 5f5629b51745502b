package dev.nightjar.skills.ask;

import dev.nightjar.model.TruthLevel;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Mentions;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The canonical documents of a subject: their planned dates and metric targets stated as facts,
 * superseded ones named as such (never their values), stale ones flagged; and conflicts: a newer
 * lower-truth document stating a different date or target than the current canonical one.
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
        for (StoredDocument d : current) {
            for (Mentions.MetricTarget t : Mentions.metricTargets(d.document().body())) {
                if (t.key().equals(metricKey)) return Optional.of(new Target(t, d));
            }
        }
        return Optional.empty();
    }

    /** Every metric target of the current canonical documents. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (StoredDocument d : current) {
            for (Mentions.MetricTarget t : Mentions.metricTargets(d.document().body())) {
                if (out.stream().noneMatch(o -> o.target().key().equals(t.key()))) out.add(new Target(t, d));
            }
        }
        return out;
    }

    public record Target(Mentions.MetricTarget target, StoredDocument source) {
        public String describe() {
            return target.metric() + " " + target.comparator() + " " + Numbers.format(target.value());
        }
    }

    public void facts(FactSheet sheet, String section) {
        for (StoredDocument d : current) {
            String title = d.document().title();
            String flag = d.stale() ? " (stale: past its review date " + day(d.reviewBy()) + "; confirm before relying on it)" : "";
            for (Mentions.DateMention m : Mentions.dates(d.document().body(), day(updated(d)))) {
                sheet.add(section, capital(m.what()) + " date " + m.date() + ", per the canonical " + title + flag + ".", d);
            }
            for (Mentions.MetricTarget t : Mentions.metricTargets(d.document().body())) {
                sheet.add(section, "Target " + t.metric() + " " + t.comparator() + " " + Numbers.format(t.value()) + ", per the canonical "
                        + title + flag + ".", d);
            }
            for (String s : Mentions.sentences(d.document().body())) {
                if (s.toLowerCase(java.util.Locale.ROOT).startsWith("scope")) sheet.add(section, s, d);
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

    /** Conflicts between each current canonical document and newer, lower-truth documents among {@code others}. */
    public void conflicts(FactSheet sheet, Collection<StoredDocument> others) {
        for (StoredDocument c : current) {
            List<Mentions.DateMention> planned = Mentions.dates(c.document().body(), day(updated(c)));
            List<Mentions.MetricTarget> targets = Mentions.metricTargets(c.document().body());
            for (StoredDocument o : others) {
                if (o.id().equals(c.id()) || o.superseded() || !c.truth().isAbove(o.truth()) || !updated(o).isAfter(updated(c))) continue;
                for (Mentions.DateMention m : Mentions.dates(o.document().body(), day(updated(o)))) {
                    Optional<Mentions.DateMention> same = planned.stream().filter(p -> p.what().equals(m.what())).findFirst();
                    if (same.isPresent() && !same.get().date().equals(m.date())) {
                        sheet.conflict(label(o) + " " + o.document().title() + " states " + m.what() + " " + m.date() + "; the canonical "
                                + c.document().title() + " says " + same.get().date() + ".", c, o);
                    }
                }
                for (Mentions.MetricTarget t : Mentions.metricTargets(o.document().body())) {
                    Optional<Mentions.MetricTarget> same = targets.stream().filter(p -> p.key().equals(t.key())).findFirst();
                    if (same.isPresent() && same.get().value() != t.value()) {
                        sheet.conflict(label(o) + " " + o.document().title() + " states a " + t.metric() + " target of "
                                + Numbers.format(t.value()) + "; the canonical " + c.document().title() + " says "
                                + Numbers.format(same.get().value()) + ".", c, o);
                    }
                }
            }
        }
    }

    static String label(StoredDocument d) {
        return switch (d.truth()) {
            case SCRATCHPAD -> "The scratchpad note";
            case WORKING -> "The working document";
            case RECORD -> "The record";
            case CANONICAL -> "The canonical document";
        };
    }

    public static Instant updated(StoredDocument d) {
        return d.document().updatedAt() != null ? d.document().updatedAt() : d.firstSeenAt();
    }

    public static LocalDate day(Instant i) {
        return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
