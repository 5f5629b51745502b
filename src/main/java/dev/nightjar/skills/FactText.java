package dev.nightjar.skills;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fact sheet as Markdown (the extractive text) and as the numbered list given to the LLM. */
public final class FactText {

    private FactText() {
    }

    /** Sections as bold headings with cited bullets, then conflicts. */
    public static String markdown(FactSheet sheet) {
        return markdown(sheet.facts(), sheet.conflicts());
    }

    /** Some of a sheet's facts and conflicts (an answer's top level, or the details behind it), as {@link #markdown(FactSheet)}. */
    public static String markdown(List<Fact> facts, List<Conflict> conflicts) {
        StringBuilder sb = new StringBuilder();
        Map<String, List<Fact>> bySection = new LinkedHashMap<>();
        for (Fact f : facts) bySection.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        for (Map.Entry<String, List<Fact>> e : bySection.entrySet()) {
            sb.append("**").append(e.getKey()).append("**\n");
            for (Fact f : e.getValue()) sb.append("- ").append(f.cited()).append('\n');
            sb.append('\n');
        }
        if (!conflicts.isEmpty()) {
            sb.append("**Conflicts**\n");
            for (Conflict c : conflicts) sb.append("- ").append(cited(c)).append('\n');
            sb.append('\n');
        }
        return sb.toString().strip();
    }

    public static String cited(Conflict c) {
        StringBuilder sb = new StringBuilder(c.text());
        for (int n : c.citations()) sb.append(" [").append(n).append(']');
        return sb.toString();
    }

    /** One line per fact for the prompt: "- (section; truth of each source) text [n]". */
    public static String forPrompt(FactSheet sheet) {
        return forPrompt(sheet, sheet.facts());
    }

    /** As {@link #forPrompt(FactSheet)}, for some of the sheet's facts. */
    public static String forPrompt(FactSheet sheet, List<Fact> facts) {
        StringBuilder sb = new StringBuilder();
        List<Citation> citations = sheet.citations();
        for (Fact f : facts) {
            List<String> truths = f.citations().stream().map(n -> citations.get(n - 1).truth()).distinct().toList();
            sb.append("- (").append(f.section()).append("; ").append(String.join("/", truths)).append(") ").append(f.cited()).append('\n');
        }
        return sb.toString().strip();
    }

    public static String conflictsForPrompt(FactSheet sheet) {
        return conflictsForPrompt(sheet.conflicts());
    }

    /** As {@link #conflictsForPrompt(FactSheet)}, for some conflicts. */
    public static String conflictsForPrompt(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) return "(none)";
        StringBuilder sb = new StringBuilder();
        for (Conflict c : conflicts) sb.append("- ").append(cited(c)).append('\n');
        return sb.toString().strip();
    }

    /** The source list under a text answer: "[n] title (truth) url". */
    public static String sources(List<Citation> citations) {
        StringBuilder sb = new StringBuilder();
        for (Citation c : citations) {
            String flags = (c.superseded() ? ", superseded" : "") + (c.stale() ? ", stale" : "");
            sb.append('[').append(c.n()).append("] ").append(c.title()).append(" (").append(c.source()).append(", ").append(c.truth())
                    .append(flags).append(") ").append(c.url()).append('\n');
        }
        return sb.toString();
    }
}
