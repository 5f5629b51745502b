package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /slack/events}: the Events API (the body was verified by {@link SlackRequestFilter}). */
@RestController
public class SlackEventsController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackEventDispatcher dispatcher;

    public SlackEventsController(SlackEventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(value = "/slack/events", produces = "application/json")
    public ResponseEntity<Map<String, String>> events(@RequestAttribute(SlackRequestFilter.RAW_BODY) byte[] body,
                                                      @RequestHeader(value = "X-Slack-Retry-Num", required = false) String retryNum) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (IOException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "body is not JSON"));
        }
        if (envelope == null) return ResponseEntity.badRequest().body(Map.of("error", "empty body"));
        return switch (envelope.path("type").asText()) {
            case "url_verification" -> ResponseEntity.ok(Map.of("challenge", envelope.path("challenge").asText()));
            case "event_callback" -> {
                String status = dispatcher.accept(envelope, retryNum);
                // a 5xx makes Slack deliver the event again later, when the workers may have room
                yield ResponseEntity.status(status.equals(SlackEventDispatcher.BUSY) ? 503 : 200).body(Map.of("status", status));
            }
            default -> ResponseEntity.ok(Map.of("status", "ignored"));
        };
    }
}
