package dev.nightjar.skills.prep;

import dev.nightjar.skills.brief.Brief;

/**
 * Meeting context in the brief's shape: {@code title} names the meeting ("1:1 with Maya Okafor",
 * "Neural reranker launch sync"); {@code sinceBasis} says where the window starts and why (the last
 * meeting the store knows of, the asked duration, or the 7-day default); {@code zoneBasis} says why times
 * are told in the brief's zone ("your zone": the asker's own; else the workspace's).
 */
public record Prep(String title, String sinceBasis, String zoneBasis, Brief brief) {
}
