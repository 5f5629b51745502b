package dev.nightjar.skills.prep;

import dev.nightjar.skills.brief.Brief;

/**
 * Meeting context in the brief's shape: {@code title} names the meeting ("1:1 with Maya Okafor",
 * "Neural reranker launch sync"); {@code sinceBasis} says where the window starts and why (the last
 * meeting the store knows of, the asked duration, or the 7-day default).
 */
public record Prep(String title, String sinceBasis, Brief brief) {
}
