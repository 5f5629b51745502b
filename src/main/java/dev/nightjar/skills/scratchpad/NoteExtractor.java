package dev.nightjar.skills.scratchpad;

import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.decisions.DecisionPatterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The extractive reading of a raw note: questions are sentences ending in "?"; decisions are what
 * {@link DecisionPatterns} finds; actions are sentences that ask for work ("Priya to draft …",
 * "need to …", "action: …", a "to-do" marker, "let's …", "should …"), with the owner when a known person is named; the
 * summary is the first sentence, shortened.
 */
public final class NoteExtractor {

    private static final Pattern ACTION = Pattern.compile(
            "(?i)(\\b(todo|action|need to|needs to|have to|has to|must|should|let's|lets|follow up|will)\\b|^\\s*[-*]\\s*\\[ ]|\\b[A-Z][a-z]+ to [a-z]+)");
    private static final int SUMMARY_MAX = 120;

    /** name (lower case, full and first) → e-mail, from the people directory. */
    private final Map<String, String> names = new LinkedHashMap<>();

    public NoteExtractor(List<PersonIdentity> people) {
        for (PersonIdentity p : people) {
            if (p.name() == null || p.email() == null) continue;
            String full = p.name().toLowerCase(Locale.ROOT);
            names.putIfAbsent(full, p.email());
            names.putIfAbsent(full.split("\\s+")[0], p.email());
        }
    }

    public Note.Content extract(String text) {
        List<String> sentences = Mentions.sentences(text);
        List<String> questions = new ArrayList<>();
        List<Note.Action> actions = new ArrayList<>();
        List<Note.DecisionItem> decisions = new ArrayList<>();
        for (DecisionPatterns.Found f : DecisionPatterns.find(text)) decisions.add(new Note.DecisionItem(f.text(), f.why()));
        for (String s : sentences) {
            if (s.endsWith("?")) {
                questions.add(s);
            } else if (!isDecision(s) && ACTION.matcher(s).find()) {
                actions.add(new Note.Action(clean(s), owner(s)));
            }
        }
        return new Note.Content(summary(sentences), actions, decisions, questions);
    }

    private static boolean isDecision(String sentence) {
        return !DecisionPatterns.find(sentence).isEmpty();
    }

    /** The e-mail of the first known person the sentence names (full name before first name). */
    String owner(String sentence) {
        String lower = " " + sentence.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", " ") + " ";
        String best = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : names.entrySet()) {
            int i = lower.indexOf(" " + e.getKey() + " ");
            if (i >= 0 && i < at) {
                at = i;
                best = e.getValue();
            }
        }
        return best;
    }

    private static String summary(List<String> sentences) {
        if (sentences.isEmpty()) return "";
        String first = clean(sentences.get(0));
        return first.length() <= SUMMARY_MAX ? first : first.substring(0, SUMMARY_MAX - 1).stripTrailing() + "…";
    }

    private static String clean(String s) {
        return s.replaceFirst("^\\s*[-*]\\s*(\\[ ]\\s*)?", "").replaceFirst("(?i)^(todo|action)\\s*:?\\s*", "").strip();
    }
}
