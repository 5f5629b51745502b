package dev.nightjar.connectors.slack;

/** A configured channel resolved against {@code conversations.list}. */
record Channel(String id, String name, boolean isPrivate, boolean scratchpad) {
}
