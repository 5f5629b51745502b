package dev.nightjar.skills;

import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbered facts of one answer or brief. Citing a document gives it a number once (first come,
 * first numbered); every fact carries at least one number, so every claim in the output is cited.
 * The same sheet feeds the extractive renderer and, when configured, the LLM prompt.
 */
public final class FactSheet {

    private final Map<String, Citation> byDoc = new LinkedHashMap<>();
    private final List<Fact> facts = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    public int cite(StoredDocument d) {
        Citation c = byDoc.get(d.id());
        if (c != null) return c.n();
        int n = byDoc.size() + 1;
        var doc = d.document();
        byDoc.put(d.id(), new Citation(n, d.id(), doc.url(), doc.title(), doc.id().source(), d.truth().label(), d.stale(), d.superseded()));
        return n;
    }

    public Fact add(String section, String text, StoredDocument... sources) {
        List<Integer> ns = new ArrayList<>();
        for (StoredDocument s : sources) {
            int n = cite(s);
            if (!ns.contains(n)) ns.add(n);
        }
        Fact f = new Fact(section, text, ns);
        facts.add(f);
        return f;
    }

    /**
     * A conflict between {@code higher} (canonical) and {@code lower}, once: the same pair with the same
     * words is found again for each of a subject's documents that leads to it (3 times for one 3DS2 note).
     */
    public void conflict(String text, StoredDocument higher, StoredDocument lower) {
        Conflict c = new Conflict(text, List.of(cite(higher), cite(lower)));
        if (!conflicts.contains(c)) conflicts.add(c);
    }

    public List<Citation> citations() {
        return List.copyOf(byDoc.values());
    }

    public List<Fact> facts() {
        return List.copyOf(facts);
    }

    public List<Conflict> conflicts() {
        return List.copyOf(conflicts);
    }

    public boolean isEmpty() {
        return facts.isEmpty() && conflicts.isEmpty();
    }

    /**
     * Puts {@code replacement} where the section's facts were (at its first fact), in the given order:
     * ranking and rewording keep every citation number, so no claim loses its source.
     */
    public void replaceSection(String section, List<Fact> replacement) {
        int at = -1;
        for (int i = 0; i < facts.size(); i++) if (facts.get(i).section().equals(section)) { at = i; break; }
        if (at < 0) return;
        facts.removeIf(f -> f.section().equals(section));
        facts.addAll(at, replacement);
    }

    /** Facts grouped by section, sections in first-seen order. */
    public Map<String, List<Fact>> bySection() {
        Map<String, List<Fact>> m = new LinkedHashMap<>();
        for (Fact f : facts) m.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        return m;
    }
}
