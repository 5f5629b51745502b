package dev.nightjar.connectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One record as the API returned it, tagged with the stream it came from (so the normalizer knows
 * its shape) and, where the stream is per-container, the container (repo, channel, project).
 */
public record SourceRecord(String stream, String container, JsonNode json) {

    public SourceRecord(String stream, JsonNode json) {
        this(stream, null, json);
    }
}
