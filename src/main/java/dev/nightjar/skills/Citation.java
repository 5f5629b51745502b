package dev.nightjar.skills;

/** One numbered source of an answer: {@code [n]} in the text refers to it. */
public record Citation(int n, String docId, String url, String title, String source, String truth, boolean stale,
                       boolean superseded) {
}
