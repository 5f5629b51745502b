package dev.nightjar.skills;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Token helpers for fuzzy matching of names (projects, people) against questions and notes. */
public final class Words {

    private static final Set<String> STOP = Set.of("the", "a", "an", "on", "of", "in", "to", "for", "and", "or", "we", "do", "did",
            "does", "is", "are", "was", "were", "where", "what", "whats", "who", "why", "how", "stand", "status", "with", "about",
            "our", "us", "it", "its", "this", "that", "be", "at", "by", "from", "project", "initiative", "team", "choose",
            "chose", "go", "going", "which", "when", "owns", "own", "owner", "blocking", "blocked", "working", "work", "i",
            "you", "me", "my", "should", "would", "could", "will", "can", "need", "needs", "think", "maybe", "let", "lets",
            "s", "re", "ll", "t", "not", "no", "yes", "so", "but", "if", "then", "than", "just", "also", "all", "any");

    private Words() {
    }

    /** Lower-case word tokens without stop words, with a light plural strip ("migrations" → "migration"). */
    public static Set<String> significant(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return out;
        // the tokens of split("[^\\p{L}\\p{N}@]+"), scanned by hand: this runs on every hit's body of every answer, and
        // String.split with a class regex was 8 % of serve's answering CPU (BENCHMARKS.md, serve under load)
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            if (isWordChar(cp)) {
                if (start < 0) start = i;
            } else if (start >= 0) {
                addToken(out, lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) addToken(out, lower.substring(start));
        return out;
    }

    private static void addToken(Set<String> out, String t) {
        if (!STOP.contains(t)) out.add(stem(t));
    }

    /** {@code \p{L}}, {@code \p{N}} (decimal, letter and other numbers) or {@code @}. */
    static boolean isWordChar(int cp) {
        if (cp == '@' || Character.isLetter(cp)) return true;
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    static String stem(String t) {
        if (t.length() > 4 && t.endsWith("ies")) return t.substring(0, t.length() - 3) + "y";
        if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss")) return t.substring(0, t.length() - 1);
        return t;
    }

    /** Share of {@code name}'s tokens that occur in {@code text} (0..1), and how many. */
    public record Overlap(int matched, int of) {
        public double ratio() {
            return of == 0 ? 0 : (double) matched / of;
        }
    }

    /**
     * As {@link #overlap}, tolerant of typos: a name word of 4+ letters matches a text word within one
     * edit (insertion, deletion, substitution or swap of neighbours: "nueral" = "neural", "rerankr" =
     * "reranker"), within two for 8+ letters.
     */
    public static Overlap fuzzyOverlap(String name, Set<String> textTokens) {
        Set<String> n = significant(name);
        int matched = 0;
        for (String t : n) {
            if (textTokens.contains(t)) matched++;
            else if (t.length() >= 4 && textTokens.stream().anyMatch(w -> w.length() >= 3 && distance(t, w) <= (t.length() >= 8 ? 2 : 1))) matched++;
        }
        return new Overlap(matched, n.size());
    }

    /** Optimal string alignment distance (Levenshtein plus swaps of neighbouring letters). */
    public static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) return 3;
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }

    public static Overlap overlap(String name, Set<String> textTokens) {
        Set<String> n = significant(name);
        int matched = 0;
        for (String t : n) if (textTokens.contains(t)) matched++;
        return new Overlap(matched, n.size());
    }
}
