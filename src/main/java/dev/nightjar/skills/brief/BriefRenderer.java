package dev.nightjar.skills.brief;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Fact;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A brief as Markdown (the LLM's prose when accepted, else the extractive sections) or the contract's JSON. */
public final class BriefRenderer {

    private BriefRenderer() {
    }

    public static String markdown(Brief b) {
        StringBuilder sb = new StringBuilder("# Morning brief for ").append(b.heading()).append("\n_Changes since ")
                .append(b.time().ago(b.since())).append(" (").append(b.time().zoneName()).append(")_\n\n");
        if (b.sheet().facts().isEmpty()) return sb.append("Nothing changed in the window.\n").toString();
        if (b.prose() != null) {
            sb.append(b.prose()).append("\n\n").append(sources(b));
        } else {
            sb.append(sectionsAndSources(b));
        }
        return sb.toString();
    }

    /** The extractive sections ("## title", one "- fact [n]" line each) and the numbered sources, as Markdown. */
    public static String sectionsAndSources(Brief b) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<Fact>> e : b.sheet().bySection().entrySet()) {
            sb.append("## ").append(e.getKey()).append('\n');
            for (Fact f : e.getValue()) sb.append("- ").append(f.cited()).append('\n');
            sb.append('\n');
        }
        return sb.append(sources(b)).toString();
    }

    private static String sources(Brief b) {
        return "Sources\n" + FactText.sources(b.citations()).replaceAll("(?m)^\\[", "- [");
    }

    public static Map<String, Object> json(Brief b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("audience", b.audience());
        m.put("since", b.since().toString());
        m.put("until", b.until().toString());
        List<Citation> citations = b.citations();
        m.put("sections", b.sheet().bySection().entrySet().stream().map(e -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("title", e.getKey());
            s.put("items", e.getValue().stream().map(f -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("text", f.text());
                item.put("citations", f.citations().stream().map(n -> citations.get(n - 1).url()).toList());
                return item;
            }).toList());
            return s;
        }).toList());
        if (b.prose() != null) m.put("markdown", b.prose());
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("used", b.llm().used());
        llm.put("model", b.llm().model());
        llm.put("tokens_in", b.llm().tokensIn());
        llm.put("tokens_out", b.llm().tokensOut());
        m.put("llm", llm);
        return m;
    }

    public static String jsonText(Brief b) {
        return Json.write(json(b));
    }
}
