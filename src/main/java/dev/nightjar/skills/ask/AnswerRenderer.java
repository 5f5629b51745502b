package dev.nightjar.skills.ask;

import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Conflict;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer as terminal text (Markdown plus the numbered sources) or as the contract's JSON object. */
public final class AnswerRenderer {

    private AnswerRenderer() {
    }

    public static String text(Answer a) {
        StringBuilder sb = new StringBuilder(a.markdown()).append("\n\nSources\n").append(FactText.sources(a.citations()));
        if (a.llm().used()) sb.append("(written by ").append(a.llm().model()).append(" from the facts above; ")
                .append(a.llm().tokensIn() + a.llm().tokensOut()).append(" tokens)\n");
        return sb.toString();
    }

    public static Map<String, Object> json(Answer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", a.question());
        m.put("answer", a.top());
        m.put("more", a.more().isBlank() ? null : a.more());
        if (a.subject() == null) {
            m.put("subject", null);
        } else {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("kind", a.subject().kind());
            s.put("key", a.subject().key());
            s.put("title", a.subject().title());
            if (a.subject().ambiguous()) s.put("candidates", a.subject().candidates());
            m.put("subject", s);
        }
        m.put("citations", a.citations().stream().map(AnswerRenderer::citation).toList());
        m.put("conflicts", a.conflicts().stream().map(AnswerRenderer::conflict).toList());
        Map<String, Object> llm = new LinkedHashMap<>();
        llm.put("used", a.llm().used());
        llm.put("model", a.llm().model());
        llm.put("tokens_in", a.llm().tokensIn());
        llm.put("tokens_out", a.llm().tokensOut());
        m.put("llm", llm);
        m.put("headline", a.headline());
        m.put("verdict", a.verdict() == null ? null : verdict(a.verdict()));
        return m;
    }

    static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("computed", v.computed());
        m.put("declared", v.declared());
        m.put("declared_at", v.declaredAt() == null ? null : v.declaredAt().toString());
        m.put("reasons", v.reasons().stream().map(r -> {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("text", r.text());
            rm.put("citations", r.citations());
            return rm;
        }).toList());
        return m;
    }

    public static String jsonText(Answer a) {
        return Json.write(json(a));
    }

    static Map<String, Object> citation(Citation c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.n());
        m.put("url", c.url());
        m.put("title", c.title());
        m.put("source", c.source());
        m.put("truth", c.truth());
        if (c.superseded()) m.put("superseded", true);
        if (c.stale()) m.put("stale", true);
        return m;
    }

    static Map<String, Object> conflict(Conflict c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", c.text());
        m.put("citations", c.citations());
        return m;
    }
}
