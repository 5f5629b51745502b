package dev.nightjar.skills.scratchpad;

import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.Mentions;
import dev.nightjar.skills.decisions.DecisionPatterns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extractive reading of a raw note. A dump is read clause by clause, not sentence by sentence, so
 * "benchmark the new tokenizer before the freeze, Ana takes it, and we still need to decide if the
 * export feature waits for v3" is one action owned by Ana plus one open question:
 * <ul>
 *   <li>a sentence splits at ", and", ", but", ";", " — " and at a comma before a new clause; a clause
 *       that only names an owner ("Ana takes it", "owner: Ana", "assigned to Ana") gives its person to
 *       the clause before it;</li>
 *   <li>questions are clauses ending in "?" and undecided matters ("still need to decide if …", "not
 *       sure whether …", "open question: …", "TBD …");</li>
 *   <li>decisions are what {@link DecisionPatterns} finds (with the why of the same sentence);</li>
 *   <li>actions ask for work ("Priya to draft …", "need to …", "action: …", a to-do marker, "let's …",
 *       an imperative verb like "benchmark …", or any clause with an owner), owned by the person named.</li>
 * </ul>
 * The summary is the first sentence, shortened.
 */
public final class NoteExtractor {

    private static final Pattern ACTION = Pattern.compile(
            "(?i)(\\b(todo|action|need to|needs to|have to|has to|must|should|let's|lets|follow up|will)\\b|^\\s*[-*]\\s*\\[ ]|\\b[A-Z][a-z]+ to [a-z]+)");
    private static final Pattern IMPERATIVE = Pattern.compile("(?i)^(please\\s+)?(benchmark|draft|write|fix|ship|run|re-?run|check|ping|update|review|"
            + "prepare|schedule|investigate|add|remove|set up|send|book|measure|profile|test|try|document|migrate|move|file|open|close|"
            + "ask|call|email|sync|merge|deploy|roll out|evaluate|compare|find|get|make|plan|draft|clean up|look into)\\b");
    private static final Pattern UNDECIDED = Pattern.compile("(?i)^(?:and\\s+)?(?:we\\s+)?(?:still\\s+)?(?:need|have|got)\\s+to\\s+"
            + "(?:decide|figure out|work out|settle)\\s+((?:if|whether|on|how|when|what|who)\\s+.+)$"
            + "|(?i)^(?:and\\s+)?(?:i'?m\\s+|we'?re\\s+)?not sure\\s+(?:if|whether)\\s+(.+)$"
            + "|(?i)^(?:open question|tbd|undecided)\\s*[:,-]?\\s*(.+)$");
    private static final String OWNER_NAME = "([A-Z][\\p{L}'-]+(?: [A-Z][\\p{L}'-]+)?)";
    private static final Pattern OWNER_CLAUSE = Pattern.compile("^(?:and\\s+)?(?:" + OWNER_NAME + "(?:'s| is)?\\s+(?:takes|owns|has|will take|'ll take|is on|on)\\s+(?:it|this|that)"
            + "|(?i:owner|assigned to|assignee|dri)\\s*[:=]?\\s*" + OWNER_NAME + ")\\s*[.!]?$");
    /** Where a sentence splits into clauses; never before a "because/since/so that" (that is the why of its clause). */
    private static final Pattern CLAUSE_BREAK = Pattern.compile("\\s*(?:;|\\s[—–-]\\s|,\\s*(?:and|but|also|plus|then)\\s+|,\\s+(?!because\\b|since\\b|so that\\b|as\\b|which\\b))\\s*");
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
            if (isDecision(s)) continue; // its decision (and why) is already taken whole
            if (s.endsWith("?")) {
                questions.add(s);
                continue;
            }
            List<String[]> clauses = clauses(s); // [text, owner e-mail or null]
            for (String[] c : clauses) {
                String clause = c[0];
                Matcher undecided = UNDECIDED.matcher(clause);
                if (clause.endsWith("?")) {
                    questions.add(capitalize(clause));
                } else if (undecided.matches()) {
                    questions.add(stillToDecide(firstGroup(undecided)));
                } else if (c[1] != null || ACTION.matcher(clause).find() || IMPERATIVE.matcher(clause).find()) {
                    actions.add(new Note.Action(clean(clause), c[1] != null ? c[1] : owner(clause)));
                }
            }
        }
        return new Note.Content(summary(sentences), actions, decisions, questions);
    }

    /** The clauses of a sentence, owner-only clauses folded into the clause before them as its owner. */
    List<String[]> clauses(String sentence) {
        List<String[]> out = new ArrayList<>();
        String text = sentence.strip();
        Matcher brk = CLAUSE_BREAK.matcher(text);
        int from = 0;
        String separator = "";
        while (from <= text.length()) {
            boolean found = brk.find(from) && brk.end() > brk.start();
            String part = text.substring(from, found ? brk.start() : text.length());
            addClause(out, part, separator);
            if (!found) break;
            separator = text.substring(brk.start(), brk.end());
            from = brk.end();
        }
        if (out.isEmpty()) out.add(new String[]{text, null});
        return out;
    }

    private void addClause(List<String[]> out, String part, String separator) {
        String clause = part.strip().replaceFirst("[.!]+$", "").strip();
        String bare = clause.replaceFirst("^(?i)(and|but|also|plus|then)\\s+", "");
        if (bare.isEmpty()) return;
        Matcher owner = OWNER_CLAUSE.matcher(bare);
        if (owner.matches() && !out.isEmpty()) {
            String email = owner(owner.group(1) != null ? owner.group(1) : owner.group(2));
            if (email != null) {
                out.get(out.size() - 1)[1] = email;
                return;
            }
        }
        // a fragment without a verb of its own ("labels by Friday") belongs to the clause before it, as written
        if (!out.isEmpty() && bare.split("\\s+").length <= 3 && !bare.endsWith("?")) {
            out.get(out.size() - 1)[0] += separator + clause;
            return;
        }
        out.add(new String[]{bare, null});
    }

    /** "Still to decide: whether the export feature waits for v3" / "Still to decide: who talks to legal". */
    private static String stillToDecide(String matter) {
        String m = matter.replaceFirst("(?i)^(whether|if|on)\\s+", "");
        boolean wh = m.matches("(?i)^(who|what|when|how|where|which|why)\\b.*");
        return "Still to decide: " + (wh || matter.toLowerCase(Locale.ROOT).startsWith("on ") ? "" : "whether ") + m;
    }

    private static String firstGroup(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) if (m.group(i) != null) return m.group(i).replaceFirst("[.!?]+$", "").strip();
        return m.group();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
