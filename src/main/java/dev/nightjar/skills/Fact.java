package dev.nightjar.skills;

import java.util.List;

/**
 * One claim with its citations, under a section heading. {@code text} has no markers; the renderers
 * append {@code [n]} for every citation, so a claim can never lose its source on the way out.
 */
public record Fact(String section, String text, List<Integer> citations) {

    public Fact {
        citations = List.copyOf(citations);
        if (citations.isEmpty()) throw new IllegalArgumentException("a fact needs at least one citation: " + text);
    }

    public String cited() {
        StringBuilder sb = new StringBuilder(text);
        for (int n : citations) sb.append(" [").append(n).append(']');
        return sb.toString();
    }
}
