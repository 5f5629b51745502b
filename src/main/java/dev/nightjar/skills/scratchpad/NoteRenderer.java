package dev.nightjar.skills.scratchpad;

import dev.nightjar.skills.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A structured note as text or as the contract's JSON. */
public final class NoteRenderer {

    private NoteRenderer() {
    }

    public static String text(Note n) {
        StringBuilder sb = new StringBuilder();
        sb.append("Saved scratchpad note ").append(n.url()).append(" (labelled scratchpad: raw thoughts, not facts)\n");
        if (n.project() != null) sb.append("Project:   ").append(n.project().title()).append(" (").append(n.project().url()).append(")\n");
        else sb.append("Project:   unsure").append(n.candidates().isEmpty() ? "" : "; candidates: " + String.join(", ", n.candidates())).append('\n');
        sb.append("Summary:   ").append(n.summary()).append('\n');
        for (Note.Action a : n.actions()) sb.append("Action:    ").append(a.text()).append(a.owner() == null ? "" : " (owner " + a.owner() + ")").append('\n');
        for (Note.DecisionItem d : n.decisions()) sb.append("Decision:  ").append(d.text()).append(d.why() == null ? "" : " (why: " + d.why() + ")").append('\n');
        for (String q : n.questions()) sb.append("Question:  ").append(q).append('\n');
        if (n.byProject().size() > 1) { // a dump about several projects: say which item is whose
            for (Note.Group g : n.byProject()) {
                int count = g.actions().size() + g.decisions().size() + g.questions().size();
                sb.append("Of these, ").append(count).append(count == 1 ? " item is" : " items are").append(" about ")
                        .append(g.project() == null ? "no project we could tell" : g.project().title()).append('\n');
            }
        }
        return sb.toString();
    }

    public static Map<String, Object> json(Note n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("url", n.url());
        if (n.project() == null) {
            m.put("project", null);
            m.put("candidates", n.candidates());
        } else {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("key", n.project().key());
            p.put("title", n.project().title());
            p.put("url", n.project().url());
            m.put("project", p);
        }
        m.put("summary", n.summary());
        m.put("actions", actions(n.actions()));
        m.put("decisions", decisions(n.decisions()));
        m.put("questions", List.copyOf(n.questions()));
        m.put("by_project", n.byProject().stream().map(g -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("project", g.project() == null ? null : Map.of("key", g.project().key(), "title", g.project().title()));
            x.put("actions", actions(g.actions()));
            x.put("decisions", decisions(g.decisions()));
            x.put("questions", List.copyOf(g.questions()));
            return x;
        }).toList());
        m.put("citations", n.citations());
        m.put("llm", Map.of("used", n.llmUsed()));
        return m;
    }

    private static List<Map<String, Object>> actions(List<Note.Action> actions) {
        return actions.stream().map(a -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("text", a.text());
            x.put("owner", a.owner());
            return x;
        }).toList();
    }

    private static List<Map<String, Object>> decisions(List<Note.DecisionItem> decisions) {
        return decisions.stream().map(d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("text", d.text());
            x.put("why", d.why());
            return x;
        }).toList();
    }

    public static String jsonText(Note n) {
        return Json.write(json(n));
    }
}
