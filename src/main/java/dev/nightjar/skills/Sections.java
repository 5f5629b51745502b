package dev.nightjar.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A document body (Markdown-ish, as the connectors render it: {@code #} headings, children indented two
 * spaces under their toggle or list item) as lines with the section that scopes each: the nearest less
 * indented parent line, else the latest heading. A bullet "Owner: Maya Okafor" under the toggle
 * "Fallback" is the fallback's owner, not the document's.
 *
 * <p>A heading that only names an aspect of the document itself ("Launch", "Timeline", "Success metric",
 * "Owner") does not change what its lines are about: their {@link Line#scope()} is null, like top-level text.
 */
public final class Sections {

    /** One line and the section it belongs to (null: about the document's own subject). */
    public record Line(String text, String scope) {
    }

    private static final Set<String> ASPECTS = Set.of("launch", "launches", "timeline", "schedule", "dates", "date", "milestones",
            "plan", "goals", "goal", "success", "metric", "metrics", "target", "targets", "owner", "owners", "ownership", "team",
            "people", "summary", "overview", "status", "scope", "background", "context", "release", "rollout", "requirements",
            "success metric", "success metrics", "key dates");

    private Sections() {
    }

    public static List<Line> lines(String body) {
        List<Line> out = new ArrayList<>();
        if (body == null) return out;
        String heading = null;
        List<String[]> parents = new ArrayList<>(); // {indent, text}
        for (String raw : body.split("\\R")) {
            if (raw.isBlank()) continue;
            int indent = raw.length() - raw.stripLeading().length();
            String text = raw.strip();
            if (text.startsWith("#")) {
                // a level-1 heading is the page's own title: it scopes nothing
                heading = text.startsWith("##") ? text.replaceFirst("^#+\\s*", "") : null;
                parents.clear();
                continue;
            }
            while (!parents.isEmpty() && Integer.parseInt(parents.get(parents.size() - 1)[0]) >= indent) parents.remove(parents.size() - 1);
            String scope = parents.isEmpty() ? heading : parents.get(parents.size() - 1)[1];
            out.add(new Line(text, aspect(scope) ? null : clean(scope)));
            parents.add(new String[]{Integer.toString(indent), text});
        }
        return out;
    }

    /** Text of the lines that speak about the document's own subject (top level or under an aspect heading). */
    public static String unscoped(String body) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines(body)) if (l.scope() == null) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    static boolean aspect(String scope) {
        if (scope == null) return true;
        String s = clean(scope).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip();
        return ASPECTS.contains(s) || s.isEmpty();
    }

    private static String clean(String scope) {
        return scope == null ? null : scope.replaceFirst("^(?:[-*]|\\d+\\.|\\[[ x]])\\s*", "").replaceAll("[:.]$", "").strip();
    }
}
