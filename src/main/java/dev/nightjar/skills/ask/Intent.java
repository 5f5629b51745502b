package dev.nightjar.skills.ask;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of question it is, and its topic with the question words removed. All kinds get the same
 * grounded gathering; the kind decides which section leads the answer.
 */
public record Intent(Kind kind, String topic) {

    public enum Kind { STATUS, WHY, BLOCKERS, OWNER }

    private static final Pattern WHY = Pattern.compile("(?i)^\\s*why\\s+(?:did|do|does|was|were|is|are|have|has)\\s+(?:we|they|you|it|i)?\\s*(.*)$");
    private static final Pattern BLOCKERS = Pattern.compile("(?i)^\\s*(?:what(?:'s| is)|who(?:'s| is))\\s+(?:blocking|holding up)\\s+(.*)$");
    private static final Pattern OWNER = Pattern.compile("(?i)^\\s*(?:who\\s+(?:owns|leads|is responsible for|is working on|is on)|who's\\s+(?:on|working on))\\s+(.*)$");
    private static final Pattern STATUS = Pattern.compile(
            "(?i)^\\s*(?:where\\s+do\\s+we\\s+stand\\s+(?:on|with)|what(?:'s| is)\\s+the\\s+(?:status|state)\\s+of|status\\s+of|how(?:'s| is)|what(?:'s| is)\\s+up\\s+with|update\\s+on)\\s+(.*)$");

    public static Intent of(String question) {
        String q = question.strip();
        Matcher m;
        if ((m = WHY.matcher(q)).matches()) return new Intent(Kind.WHY, clean(m.group(1)));
        if ((m = BLOCKERS.matcher(q)).matches()) return new Intent(Kind.BLOCKERS, clean(m.group(1)));
        if ((m = OWNER.matcher(q)).matches()) return new Intent(Kind.OWNER, clean(m.group(1)));
        if ((m = STATUS.matcher(q)).matches()) return new Intent(Kind.STATUS, clean(m.group(1)));
        return new Intent(Kind.STATUS, clean(q));
    }

    private static String clean(String s) {
        return s.replaceAll("[?!.]+\\s*$", "").replaceAll("(?i)^(?:the|our)\\s+", "").strip();
    }
}
