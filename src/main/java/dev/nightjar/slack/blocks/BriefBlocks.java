package dev.nightjar.slack.blocks;

import dev.nightjar.skills.Fact;
import dev.nightjar.skills.brief.Brief;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A morning brief as a Block Kit message: one section per brief section, every fact linked to its sources. */
public final class BriefBlocks {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    private BriefBlocks() {
    }

    public static Map<String, Object> message(Brief b, ZoneId zone) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Blocks.header("Morning brief for " + b.heading()));
        blocks.add(Blocks.context("Changes since " + WHEN.format(b.since().atZone(zone)) + " (" + zone.getId() + ")"));
        if (b.sheet().isEmpty()) {
            blocks.add(Blocks.section("Nothing changed in the window."));
        } else if (b.prose() != null) {
            blocks.addAll(Blocks.sections(Mrkdwn.of(b.prose(), b.citations())));
        } else {
            for (Map.Entry<String, List<Fact>> e : b.sheet().bySection().entrySet()) {
                StringBuilder sb = new StringBuilder("*").append(Mrkdwn.escape(e.getKey())).append("*");
                for (Fact f : e.getValue()) sb.append("\n• ").append(Mrkdwn.of(f.cited(), b.citations()));
                blocks.addAll(Blocks.sections(sb.toString()));
            }
        }
        if (!b.citations().isEmpty()) blocks.add(Blocks.context("*Sources*\n" + Mrkdwn.sources(b.citations())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "Morning brief for " + b.heading() + ": " + b.sheet().facts().size() + " item(s)");
        m.put("blocks", Blocks.capped(blocks, 1));
        return m;
    }
}
