package dev.nightjar.skills;

import java.util.List;

/** Two sources disagreeing; {@code citations} has the higher-truth side first. */
public record Conflict(String text, List<Integer> citations) {

    public Conflict {
        citations = List.copyOf(citations);
    }
}
