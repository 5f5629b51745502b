package dev.nightjar.slack.blocks;

import dev.nightjar.skills.scratchpad.Note;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A captured scratchpad note, posted back in its thread for a human decision: the structured reading,
 * then "Route to <project>" / "Change project" / "Discard". Nothing is routed until one is pressed.
 */
public final class NoteBlocks {

    public static final String ROUTE = "note_route", CHANGE = "note_change_project", DISCARD = "note_discard", PICK = "note_pick_project";

    private NoteBlocks() {
    }

    /** @param projectTitle the proposed project, or null when the match was unsure */
    public static Map<String, Object> pending(Note n, String projectTitle) {
        List<Map<String, Object>> blocks = new ArrayList<>(reading(n, projectTitle));
        List<Map<String, Object>> buttons = new ArrayList<>();
        if (projectTitle != null) buttons.add(Blocks.button("Route to " + projectTitle, ROUTE, n.id(), "primary"));
        buttons.add(Blocks.button("Change project", CHANGE, n.id(), null));
        buttons.add(Blocks.button("Discard", DISCARD, n.id(), "danger"));
        blocks.add(Blocks.actions("note_approval", buttons));
        return message("Scratchpad note: " + n.summary(), blocks, 1);
    }

    /** The project choice offered by "Change project": every candidate (title → project doc id). */
    public static Map<String, Object> choose(String noteId, Map<String, String> candidates) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        if (candidates.isEmpty()) {
            blocks.add(Blocks.section("No Linear project or initiative you can see matches this note. Discard it, or add it with `/nightjar scratchpad` naming the project."));
            blocks.add(Blocks.actions("note_approval", List.of(Blocks.button("Discard", DISCARD, noteId, "danger"))));
        } else {
            Map<String, String> options = new LinkedHashMap<>();
            candidates.forEach((title, docId) -> options.put(title, noteId + "|" + docId));
            blocks.add(Blocks.section("Which project is this note about?"));
            blocks.add(Blocks.actions("note_approval", List.of(Blocks.select("Choose a project", PICK, options),
                    Blocks.button("Discard", DISCARD, noteId, "danger"))));
        }
        return message("Choose the project of the scratchpad note", blocks, 1);
    }

    /** After "Change project": the chosen project, still waiting for "Route". */
    public static Map<String, Object> proposed(String noteId, String projectTitle) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Blocks.section("*Project:* " + Mrkdwn.escape(projectTitle)));
        blocks.add(Blocks.actions("note_approval", List.of(Blocks.button("Route to " + projectTitle, ROUTE, noteId, "primary"),
                Blocks.button("Change project", CHANGE, noteId, null), Blocks.button("Discard", DISCARD, noteId, "danger"))));
        return message("Route the scratchpad note to " + projectTitle + "?", blocks, 1);
    }

    /** The outcome replacing the buttons, so nobody presses them twice. */
    public static Map<String, Object> decided(String text) {
        return message(text, List.of(Blocks.section(Mrkdwn.escape(text))), 0);
    }

    private static List<Map<String, Object>> reading(Note n, String projectTitle) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        blocks.add(Blocks.section("*Scratchpad note* (raw thoughts, not facts): " + Mrkdwn.escape(n.summary())));
        StringBuilder sb = new StringBuilder();
        sb.append("*Project:* ").append(projectTitle != null ? Mrkdwn.escape(projectTitle)
                : "unsure" + (n.candidates().isEmpty() ? "" : " (candidates: " + Mrkdwn.escape(String.join(", ", n.candidates())) + ")"));
        for (Note.Action a : n.actions()) sb.append("\n• *Action:* ").append(Mrkdwn.escape(a.text())).append(a.owner() == null ? "" : " (owner " + Mrkdwn.escape(a.owner()) + ")");
        for (Note.DecisionItem d : n.decisions()) sb.append("\n• *Decision:* ").append(Mrkdwn.escape(d.text())).append(d.why() == null ? "" : " (why: " + Mrkdwn.escape(d.why()) + ")");
        for (String q : n.questions()) sb.append("\n• *Question:* ").append(Mrkdwn.escape(q));
        blocks.addAll(Blocks.sections(sb.toString()));
        blocks.add(Blocks.context(Mrkdwn.link(n.url(), "Stored note")));
        return blocks;
    }

    private static Map<String, Object> message(String text, List<Map<String, Object>> blocks, int keepTail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", Blocks.truncate(text, 500));
        m.put("blocks", Blocks.capped(blocks, keepTail));
        return m;
    }
}
