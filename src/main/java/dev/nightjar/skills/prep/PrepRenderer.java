package dev.nightjar.skills.prep;

import dev.nightjar.skills.Json;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefRenderer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Meeting prep as Markdown, or as the brief's JSON contract ({@code brief.schema.json}) plus
 * {@code title}, {@code since_basis} (where the window starts and why) and {@code time_zone} (the zone
 * every time is told in: the asker's).
 */
public final class PrepRenderer {

    private PrepRenderer() {
    }

    public static String markdown(Prep p) {
        Brief b = p.brief();
        StringBuilder sb = new StringBuilder("# Prep: ").append(p.title()).append("\n_Since ").append(b.time().ago(b.since()))
                .append(" (").append(b.time().zoneName()).append(", ").append(p.zoneBasis()).append("): ").append(p.sinceBasis()).append("_\n\n");
        if (b.sheet().facts().isEmpty()) return sb.append("Nothing open and nothing changed in the window.\n").toString();
        sb.append(BriefRenderer.sectionsAndSources(b));
        return sb.toString();
    }

    public static Map<String, Object> json(Prep p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", p.title());
        m.put("since_basis", p.sinceBasis());
        m.put("time_zone", p.brief().time().zoneName());
        m.putAll(BriefRenderer.json(p.brief()));
        return m;
    }

    public static String jsonText(Prep p) {
        return Json.write(json(p));
    }
}
