package dev.nightjar.skills.scratchpad;

import java.util.List;

/**
 * A scratchpad note made structured: the project it belongs to (null when unsure, then
 * {@code candidates}), a one-line summary, actions with owners when named, decisions with their why,
 * open questions; {@code url} is the stored note's citation URL. {@code byProject} places every item under
 * the project it is about (a dump often touches several): the project its own words name, else the note's.
 */
public record Note(String id, String url, ProjectRef project, List<String> candidates, String summary, List<Action> actions,
                   List<DecisionItem> decisions, List<String> questions, List<String> citations, boolean llmUsed, List<Group> byProject) {

    public record ProjectRef(String key, String title, String docId, String url) {
    }

    public record Action(String text, String owner) {
    }

    public record DecisionItem(String text, String why) {
    }

    /** The items of a note that are about one project ({@code project} null: unsure). */
    public record Group(ProjectRef project, List<Action> actions, List<DecisionItem> decisions, List<String> questions) {
    }

    /** The structured content before it is stored. */
    public record Content(String summary, List<Action> actions, List<DecisionItem> decisions, List<String> questions) {
    }
}
