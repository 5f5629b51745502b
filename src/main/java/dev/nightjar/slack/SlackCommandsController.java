package dev.nightjar.slack;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /slack/commands}: the {@code /nightjar} slash command (form-encoded, verified by {@link SlackRequestFilter}). */
@RestController
public class SlackCommandsController {

    private final SlashCommands commands;

    public SlackCommandsController(SlashCommands commands) {
        this.commands = commands;
    }

    @PostMapping(value = "/slack/commands", produces = "application/json")
    public ResponseEntity<Map<String, String>> command(@RequestAttribute(SlackRequestFilter.RAW_BODY) byte[] body) {
        SlashCommand command = SlashCommand.of(FormFields.parse(body));
        return ResponseEntity.ok(Map.of("response_type", "ephemeral", "text", commands.handle(command)));
    }
}
