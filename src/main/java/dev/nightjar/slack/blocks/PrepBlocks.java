package dev.nightjar.slack.blocks;

import dev.nightjar.skills.prep.Prep;
import dev.nightjar.skills.prep.PrepRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Meeting prep as Slack messages, split like answers: within Block Kit's limits (3,000 characters a
 * section, 50 blocks a message), cut only between sections, every cited source listed.
 */
public final class PrepBlocks {

    private PrepBlocks() {
    }

    /** One or more messages; the first opens with the meeting and where its window starts. */
    public static List<Map<String, Object>> messages(Prep p) {
        String markdown = PrepRenderer.markdown(p);
        int sources = markdown.lastIndexOf("\nSources\n");
        String body = sources < 0 ? markdown : markdown.substring(0, sources);
        List<Map<String, Object>> blocks = new ArrayList<>(Blocks.sections(Mrkdwn.of(body, p.brief().citations())));
        if (!p.brief().citations().isEmpty()) blocks.addAll(Blocks.contexts("*Sources*\n" + Mrkdwn.sources(p.brief().citations())));
        List<List<Map<String, Object>>> parts = Blocks.messages(List.of(), blocks, List.of(), "_(continued)_");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", i == 0 ? AnswerBlocks.fallback(body) : "(continued, part " + (i + 1) + " of " + parts.size() + ")");
            m.put("blocks", parts.get(i));
            out.add(m);
        }
        return out;
    }
}
