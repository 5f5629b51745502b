package dev.nightjar.skills.decisions;

import dev.nightjar.skills.Mentions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds decisions in text: "Decision: …", "we'll go with …", "we're going with …", "(we) decided to …",
 * "agreed to …". The why is the "because/since/so that/as" clause of the same sentence, or a following
 * "Why:/Because/Reason:" sentence. Slack bodies are "Name: text" per message; the speaker is returned.
 */
public final class DecisionPatterns {

    /** One decision as written; {@code speaker} is the "Name:" prefix of the message, when present. */
    public record Found(String text, String why, String speaker) {
    }

    private static final Pattern SPEAKER = Pattern.compile("^([A-Z][\\p{L}.'-]*(?: [A-Z][\\p{L}.'-]*){0,3}):\\s+(.*)$");
    private static final Pattern DECISION = Pattern.compile(
            "(?i)(?:\\bdecision\\s*:\\s*|\\bwe(?:'ll| will| are going to|'re going to) go with\\s+|\\bwe(?:'re| are) going with\\s+"
                    + "|\\b(?:we\\s+)?decided\\s+(?:to|on|that)\\s+|\\bwe\\s+agreed\\s+(?:to|on|that)\\s+)(.+)");
    private static final Pattern WHY_INLINE = Pattern.compile("(?i)^(.*?)[,;]?\\s+(?:because|since|so that|as|given that|due to)\\s+(.+)$");
    private static final Pattern WHY_NEXT = Pattern.compile("(?i)^(?:why|because|reason|rationale)\\s*[:,]?\\s*(.+)$");

    private DecisionPatterns() {
    }

    public static List<Found> find(String body) {
        List<Found> out = new ArrayList<>();
        if (body == null || body.isBlank()) return out;
        String speaker = null;
        List<String[]> sentences = new ArrayList<>(); // [speaker, sentence]
        for (String line : body.split("\\R")) {
            String text = line.strip();
            Matcher s = SPEAKER.matcher(text);
            if (s.matches() && !s.group(1).equalsIgnoreCase("decision") && !WHY_NEXT.matcher(text).matches()) {
                speaker = s.group(1);
                text = s.group(2);
            }
            for (String sentence : Mentions.sentences(text)) sentences.add(new String[]{speaker, sentence});
        }
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i)[1];
            Matcher d = DECISION.matcher(sentence);
            if (!d.find()) continue;
            String what = trim(d.group(1)).replaceFirst("(?i)^we(?:'ll| will|'re| are)(?: going)? go(?:ing)? with\\s+", "go with ");
            String why = null;
            Matcher inline = WHY_INLINE.matcher(what);
            if (inline.matches()) {
                what = trim(inline.group(1));
                why = trim(inline.group(2));
            } else if (i + 1 < sentences.size()) {
                Matcher next = WHY_NEXT.matcher(sentences.get(i + 1)[1]);
                if (next.matches()) why = trim(next.group(1));
            }
            if (!what.isBlank()) out.add(new Found(what, why, sentences.get(i)[0]));
        }
        return out;
    }

    private static String trim(String s) {
        String t = s.strip().replaceAll("[.!]+$", "").strip();
        return t.length() > 400 ? t.substring(0, 399) + "…" : t;
    }
}
