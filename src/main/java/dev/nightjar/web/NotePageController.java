package dev.nightjar.web;

import dev.nightjar.Workspace;
import dev.nightjar.store.StoredDocument;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /notes/<id>}: the page a scratchpad note's citation links to ({@code NIGHTJAR_PUBLIC_URL}
 * + {@code /notes/<id>}). The page has no login, so only notes the whole workspace may read are shown;
 * a note from a private channel answers 404 and stays readable where it was made (its Slack thread).
 */
@RestController
public class NotePageController {

    private final Workspace ws;

    public NotePageController(Workspace ws) {
        this.ws = ws;
    }

    @GetMapping(value = "/notes/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> note(@PathVariable String id) {
        if (!id.matches("[0-9a-f]{6,64}")) return notFound();
        Optional<StoredDocument> note = ws.documents().find("nightjar:note:" + id)
                .filter(d -> !d.deleted() && d.document().acl().everyone());
        if (note.isEmpty()) return notFound();
        StoredDocument d = note.get();
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + esc(d.document().title()) + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:48em;margin:2em auto\">"
                + "<p><small>Nightjar scratchpad note (raw thoughts, not facts) by " + esc(ws.people().displayName(d.document().author()))
                + ", " + esc(String.valueOf(d.document().createdAt())) + "</small></p>"
                + "<h1>" + esc(d.document().title()) + "</h1><pre style=\"white-space:pre-wrap\">" + esc(d.document().body()) + "</pre>"
                + "</body></html>";
        return ResponseEntity.ok(html);
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("No such note (or it is private to a channel).");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
