package dev.nightjar.skills.ask;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentState;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Humanize;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.Numbers;
import dev.nightjar.skills.Subject;
import dev.nightjar.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the verdict of an initiative or project from what the walk reached, and writes the one-line
 * headline that opens the answer. The rules, in order:
 * <ul>
 *   <li>done: the planning document is completed, or every issue is done or canceled;</li>
 *   <li>off track: the planned date (canonical, else Linear's target date) has passed, or is within 7
 *       days while issues are still blocked;</li>
 *   <li>at risk: any open blocker chain, an experiment run that crashed or failed in the last 3 days,
 *       changes requested on an open pull request, or the latest run short of a canonical target;</li>
 *   <li>on track: none of these, with work in the store; unknown: no issues at all.</li>
 * </ul>
 * Beside it, the team's own word: the health of its latest Linear update of the same kind.
 */
final class VerdictJudge {

    private static final Duration RECENT_FAILURE = Duration.ofDays(3);

    private final Instant now;
    private final ZoneId zone;

    VerdictJudge(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    Verdict judge(Subject subject, Neighborhood n, Canon canon, FactSheet sheet) {
        List<Verdict.Reason> reasons = new ArrayList<>();
        StoredDocument root = n.planning.isEmpty() ? null : n.planning.get(0);
        boolean completed = root != null && (root.document().stateType() == DocumentState.DONE || root.document().property(PropertyKey.COMPLETED_AT) != null);
        long open = n.issues.values().stream().filter(d -> !Gatherer.finished(d)).count();
        if (completed || (!n.issues.isEmpty() && open == 0)) return verdict("done", reasons, subject, n);

        // blockers: the unfinished issues held up, and the roots of their chains
        List<StoredDocument> blocked = n.issues.values().stream().filter(d -> !Gatherer.finished(d) && n.blockedBy.containsKey(d.id())).toList();
        if (!blocked.isEmpty()) {
            List<StoredDocument> roots = roots(n);
            StoredDocument first = roots.isEmpty() ? blocked.get(0) : roots.get(0);
            reasons.add(new Verdict.Reason(blocked.size() + (blocked.size() == 1 ? " issue" : " issues") + " blocked"
                    + (roots.isEmpty() ? "" : ", behind " + first.document().id().key() + " " + first.document().title()),
                    List.of(sheet.cite(first), sheet.cite(blocked.get(0)))));
        }
        n.runs.values().stream().filter(r -> (r.document().stateType() == DocumentState.CRASHED || r.document().stateType() == DocumentState.FAILED)
                        && Canon.updated(r).isAfter(now.minus(RECENT_FAILURE)))
                .max(Comparator.comparing(Canon::updated))
                .ifPresent(r -> reasons.add(new Verdict.Reason("run " + r.document().title() + " " + r.document().state() + " "
                        + Humanize.ago(Canon.updated(r), now, zone), List.of(sheet.cite(r)))));
        changesRequested(n).ifPresent(pr -> reasons.add(new Verdict.Reason("changes requested on #"
                + pr[0].document().properties().getOrDefault(PropertyKey.NUMBER.key(), pr[0].document().id().key()), List.of(sheet.cite(pr[0]), sheet.cite(pr[1])))));
        shortOfTarget(n, canon).ifPresent(r -> reasons.add(r.apply(sheet)));

        Optional<LocalDate> planned = plannedDate(n, canon);
        LocalDate today = LocalDate.ofInstant(now, zone);
        String computed;
        if (planned.isPresent() && planned.get().isBefore(today)) {
            reasons.add(0, new Verdict.Reason("planned date " + planned.get() + " has passed", List.of(sheet.cite(root == null ? n.issues.values().iterator().next() : root))));
            computed = "off_track";
        } else if (planned.isPresent() && !blocked.isEmpty() && planned.get().isBefore(today.plusDays(7))) {
            computed = "off_track";
        } else if (!reasons.isEmpty()) {
            computed = "at_risk";
        } else {
            computed = n.issues.isEmpty() ? "unknown" : "on_track";
        }
        return verdict(computed, reasons, subject, n);
    }

    private Verdict verdict(String computed, List<Verdict.Reason> reasons, Subject subject, Neighborhood n) {
        Optional<StoredDocument> update = latestUpdate(subject, n);
        return new Verdict(computed, update.map(u -> Verdict.normalise(u.document().property(PropertyKey.HEALTH))).orElse(null),
                update.map(Canon::updated).orElse(null), reasons);
    }

    /** The team's latest update of the subject's own kind (an initiative's, or the project's). */
    static Optional<StoredDocument> latestUpdate(Subject subject, Neighborhood n) {
        String kind = subject.kind() + "-update";
        Optional<StoredDocument> own = n.updates.values().stream().filter(u -> u.document().id().kind().equals(kind))
                .max(Comparator.comparing(Canon::updated));
        return own.isPresent() ? own : n.updates.values().stream().max(Comparator.comparing(Canon::updated));
    }

    /** "At risk: 3 issues blocked, behind PLAT-41 …; run … crashed 5 h ago [1] [2] — the team says on track (2 days ago)." */
    String headline(Verdict v, FactSheet sheet) {
        StringBuilder sb = new StringBuilder(capital(Verdict.words(v.computed())));
        List<Integer> cited = new ArrayList<>();
        if (!v.reasons().isEmpty()) {
            sb.append(": ");
            List<String> parts = new ArrayList<>();
            for (Verdict.Reason r : v.reasons().subList(0, Math.min(3, v.reasons().size()))) {
                parts.add(r.text());
                r.citations().forEach(c -> { if (!cited.contains(c)) cited.add(c); });
            }
            sb.append(String.join("; ", parts));
        }
        sb.append('.');
        for (int c : cited) sb.append(" [").append(c).append(']');
        if (v.declared() == null) {
            sb.append(" The team has posted no status update.");
        } else {
            String when = Humanize.ago(v.declaredAt(), now, zone);
            sb.append(v.disagrees() ? " The team says " + Verdict.words(v.declared()) + " (update " + when + "); the store disagrees."
                    : " The team says " + Verdict.words(v.declared()) + " too (update " + when + ").");
        }
        return sb.toString();
    }

    private static List<StoredDocument> roots(Neighborhood n) {
        Map<String, StoredDocument> roots = new LinkedHashMap<>();
        for (List<StoredDocument> by : n.blockedBy.values()) {
            for (StoredDocument d : by) if (!n.blockedBy.containsKey(d.id())) roots.putIfAbsent(d.id(), d);
        }
        return List.copyOf(roots.values());
    }

    /** The open pull request whose latest review requested changes, with that review. */
    static Optional<StoredDocument[]> changesRequested(Neighborhood n) {
        for (StoredDocument pr : n.prs.values()) {
            if (pr.document().stateType() != DocumentState.OPEN) continue;
            Optional<StoredDocument> latest = n.reviews.values().stream().filter(r -> pr.id().equals(n.reviewOf.get(r.id())))
                    .filter(r -> !"commented".equals(r.document().state()))
                    .max(Comparator.comparing(Canon::updated));
            if (latest.isPresent() && "changes_requested".equals(latest.get().document().state())) return Optional.of(new StoredDocument[]{pr, latest.get()});
        }
        return Optional.empty();
    }

    private interface CitedReason {
        Verdict.Reason apply(FactSheet sheet);
    }

    private static Optional<CitedReason> shortOfTarget(Neighborhood n, Canon canon) {
        Optional<StoredDocument> latest = n.latestFinishedRun();
        if (latest.isEmpty()) return Optional.empty();
        for (Canon.Target t : canon.targets()) {
            for (Map.Entry<String, Double> m : latest.get().document().metrics().entrySet()) {
                if (!Mentions.metricKey(m.getKey()).equals(t.target().key()) || Mentions.meets(t.target(), m.getValue())) continue;
                return Optional.of(sheet -> new Verdict.Reason(t.target().metric() + " " + Numbers.format(m.getValue()) + " short of the target "
                        + t.target().comparator() + " " + t.target().valueWithUnit(), List.of(sheet.cite(latest.get()), sheet.cite(t.source()))));
            }
        }
        return Optional.empty();
    }

    /** The subject's own target date (Linear), else the launch date of its canonical document. */
    private static Optional<LocalDate> plannedDate(Neighborhood n, Canon canon) {
        if (!n.planning.isEmpty()) {
            String target = n.planning.get(0).document().property(PropertyKey.TARGET_DATE);
            if (target != null && target.length() >= 10) return Optional.of(LocalDate.parse(target.substring(0, 10)));
        }
        for (StoredDocument c : canon.current()) {
            Optional<LocalDate> d = dev.nightjar.truth.CanonicalFacts.dates(c).stream().filter(m -> m.what().equals("launch")).map(Mentions.DateMention::date).findFirst();
            if (d.isPresent()) return d;
        }
        return Optional.empty();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
