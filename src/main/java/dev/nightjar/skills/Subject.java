package dev.nightjar.skills;

import java.util.List;

/**
 * What a question is about: a Linear initiative, project or issue, a person, or (when {@code kind} is
 * {@code topic}) free text. {@code candidates} names the other close matches when the choice was ambiguous.
 */
public record Subject(String kind, String key, String title, String docId, List<String> candidates) {

    public Subject {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static Subject topic(String text) {
        return new Subject("topic", text, text, null, List.of());
    }

    public boolean isTopic() {
        return kind.equals("topic");
    }

    public boolean ambiguous() {
        return !candidates.isEmpty();
    }
}
