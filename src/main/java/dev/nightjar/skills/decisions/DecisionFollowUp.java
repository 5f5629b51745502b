package dev.nightjar.skills.decisions;

import java.util.regex.Pattern;

/**
 * What a later reply in a decision's thread does to the decision: reverses it ("let's revert", "we
 * won't", "roll back", "instead"), amends it ("but only", "except", "amend", "change to"), confirms it
 * ("confirms", "agreed", "+1", "validated", "holds"), or only follows up. Reversal is checked first:
 * "no longer agree" reverses, it does not confirm. Used by the brief (a decision with new replies) and
 * by {@code ask}'s "why" answers (a decision with the replies that confirmed, amended or reversed it).
 */
public enum DecisionFollowUp {
    REVERSED("reversed"), AMENDED("amended"), CONFIRMED("confirmed"), FOLLOWED_UP("followed up");

    private static final Pattern REVERSE = Pattern.compile("(?i)\\b(revert\\w*|revers\\w*|roll(?:ing|ed)? back|undo|no longer|"
            + "won't go with|will not go with|not going with|instead|scrap\\w*|drop (?:it|the)|back out|overturn\\w*)\\b");
    private static final Pattern AMEND = Pattern.compile("(?i)\\b(amend\\w*|but only|only for|except|with one change|change (?:it )?to|"
            + "adjust\\w*|on top of that|caveat|as long as|provided that)\\b");
    private static final Pattern CONFIRM = Pattern.compile("(?i)(\\b(confirm\\w*|agreed|agree|validat\\w*|holds|still wins|also wins|"
            + "backs? (?:it|this) up|lgtm|sounds good|approved?)\\b|\\+1\\b|\\+\\d+(?:\\.\\d+)?%)");

    private final String verb;

    DecisionFollowUp(String verb) {
        this.verb = verb;
    }

    /** The past-tense verb shown with the decision: "confirmed by Tomás Ibarra, 9 h ago". */
    public String verb() {
        return verb;
    }

    /** What {@code reply} does to the decision it answers. */
    public static DecisionFollowUp of(String reply) {
        if (REVERSE.matcher(reply).find()) return REVERSED;
        if (AMEND.matcher(reply).find()) return AMENDED;
        if (CONFIRM.matcher(reply).find()) return CONFIRMED;
        return FOLLOWED_UP;
    }
}
