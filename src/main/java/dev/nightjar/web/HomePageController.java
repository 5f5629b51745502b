package dev.nightjar.web;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: a short page saying what this server is and where its pages are, instead of the
 * framework's error page. It shows no data (the server has no login): only the paths, which are the
 * same on every instance.
 */
@RestController
public class HomePageController {

    static final String PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Nightjar</title></head>"
            + "<body style=\"font-family:sans-serif;max-width:48em;margin:2em auto\">"
            + "<h1>Nightjar</h1>"
            + "<p>This server runs Nightjar's nightly sync, its Slack app and its note pages.</p><ul>"
            + "<li><a href=\"/health\">/health</a>: last run per source, index lag, missing configuration (JSON)</li>"
            + "<li><a href=\"/healthz\">/healthz</a>: liveness (JSON)</li>"
            + "<li><code>/notes/&lt;id&gt;</code>: a scratchpad note, linked from Slack and from answers that cite it</li>"
            + "<li><code>POST /slack/events</code>, <code>/slack/commands</code>, <code>/slack/interactivity</code>: the Slack app "
            + "(signed requests only)</li></ul>"
            + "<p>Ask questions in Slack (mention the app or <code>/nightjar ask</code>) or with <code>nightjar ask</code>.</p>"
            + "</body></html>";

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> home() {
        return ResponseEntity.ok(PAGE);
    }
}
