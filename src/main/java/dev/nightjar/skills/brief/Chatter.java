package dev.nightjar.skills.brief;

import java.util.regex.Pattern;

/**
 * Messages that carry no news for a brief: status padding ("Picking up RNK-22 today"), pleasantries
 * and logistics ("Thanks!", "Lunch at 12:30?"). They stay searchable; a brief leaves them out.
 */
final class Chatter {

    private static final Pattern PADDING = Pattern.compile("(?i)^\\s*(picking up|working on|looking( into (it|this))?|on it|"
            + "thanks\\b|thank you|ty\\b|lunch\\b|coffee\\b|retro moved|standup notes|reminder:|\\+1\\s*$|ok\\b|okay\\b|will do|done\\.?$|"
            + "lgtm\\.?$|ack\\b|nice\\b|great\\b|pr up for review|heads-up: ci is slow|merged, watching|who owns the)");
    private static final int SHORT = 20;

    private Chatter() {
    }

    static boolean isChatter(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() < SHORT || PADDING.matcher(t).find();
    }
}
