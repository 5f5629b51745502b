package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /slack/interactivity}: button presses, form-encoded as {@code payload=<JSON>} (verified by {@link SlackRequestFilter}). */
@RestController
public class SlackInteractivityController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Interactions interactions;

    public SlackInteractivityController(Interactions interactions) {
        this.interactions = interactions;
    }

    @PostMapping("/slack/interactivity")
    public ResponseEntity<Void> interact(@RequestAttribute(SlackRequestFilter.RAW_BODY) byte[] body) {
        JsonNode payload;
        try {
            payload = JSON.readTree(FormFields.parse(body).getOrDefault("payload", ""));
        } catch (IOException e) {
            return ResponseEntity.badRequest().build();
        }
        if (payload == null || payload.isMissingNode()) return ResponseEntity.badRequest().build();
        interactions.handle(payload);
        return ResponseEntity.ok().build();
    }
}
