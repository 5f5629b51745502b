package dev.nightjar.skills.radar;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentences of a text by the JDK's locale-aware {@link BreakIterator} (abbreviations and decimals survive). */
final class Sentences {

    /** Longer sentences are cut: the embedding model reads about 200 words anyway. */
    static final int MAX_CHARS = 600;

    private Sentences() {
    }

    static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String line : text.split("\\R")) {
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(line);
            for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = line.substring(start, end).strip();
                if (s.length() < 12) continue; // headings like "Launch" or "Owner: X" say nothing to match on
                out.add(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s);
            }
        }
        return out;
    }
}
