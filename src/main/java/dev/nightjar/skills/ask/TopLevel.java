package dev.nightjar.skills.ask;

import dev.nightjar.skills.Conflict;
import dev.nightjar.skills.Fact;
import dev.nightjar.skills.FactSheet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an answer's facts into the top level a reader sees first and the details behind it, within a
 * line budget (issue 15: "top-level at most ~12 lines in text; the rest reachable with citations").
 *
 * <p>Breadth first: every section gets its first fact before any section gets a second, in the sheet's
 * section order (the composer puts the sections a question asks about first); up to two conflicts are
 * always on top, because a conflict is what a reader must not miss. Nothing is dropped: what does not
 * fit goes to {@link #more()}, with the same citation numbers.
 *
 * @param top           the facts shown first, in sheet order
 * @param more          the rest, in sheet order
 * @param topConflicts  conflicts shown first
 * @param moreConflicts the rest of the conflicts
 */
public record TopLevel(List<Fact> top, List<Fact> more, List<Conflict> topConflicts, List<Conflict> moreConflicts) {

    /** Lines of the top level in text: the subject line, the headline, section headings and bullets. */
    public static final int LINES = 12;
    private static final int CONFLICTS_ON_TOP = 2;

    /**
     * @param sheet     the answer's facts
     * @param usedLines lines the top level already spends before the facts (subject line, headline)
     */
    public static TopLevel of(FactSheet sheet, int usedLines) {
        int left = LINES - usedLines;
        List<Conflict> conflicts = sheet.conflicts();
        int onTop = Math.min(CONFLICTS_ON_TOP, conflicts.size());
        if (onTop > 0) left -= onTop + 1; // the "Conflicts" heading
        Map<String, List<Fact>> sections = sheet.bySection();
        Set<Fact> chosen = new LinkedHashSet<>();
        Set<String> opened = new LinkedHashSet<>();
        for (int depth = 0; left > 0; depth++) {
            boolean any = false;
            for (Map.Entry<String, List<Fact>> s : sections.entrySet()) {
                if (depth >= s.getValue().size()) continue;
                any = true;
                int cost = opened.contains(s.getKey()) ? 1 : 2; // a bullet, plus its heading the first time
                if (cost > left) continue;
                chosen.add(s.getValue().get(depth));
                opened.add(s.getKey());
                left -= cost;
            }
            if (!any) break;
        }
        List<Fact> top = new ArrayList<>(), more = new ArrayList<>();
        for (Fact f : sheet.facts()) (chosen.contains(f) ? top : more).add(f);
        return new TopLevel(top, more, conflicts.subList(0, onTop), conflicts.subList(onTop, conflicts.size()));
    }

    /** True when everything fits on top. */
    public boolean complete() {
        return more.isEmpty() && moreConflicts.isEmpty();
    }
}
