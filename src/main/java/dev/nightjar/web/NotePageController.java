package dev.nightjar.web;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.Workspace;
import dev.nightjar.config.ConfigException;
import dev.nightjar.connectors.slack.SlackConnectorFactory;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.store.ledgers.NoteApprovals;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * It shows where the note came from (a link to the Slack message), the project it was mapped to and
 * whether someone approved that mapping, so a reader can judge how far to trust it.
 */
@RestController
public class NotePageController {

    /** "Scratchpad: scratch: move the launch?" → "move the launch?": the skill's prefix and the author's own tag. */
    private static final Pattern TITLE_PREFIXES = Pattern.compile("^(?:\\s*(?:scratchpad|scratch)\\s*:\\s*)+", Pattern.CASE_INSENSITIVE);
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Workspace ws;

    public NotePageController(Workspace ws) {
        this.ws = ws;
    }

    @GetMapping(value = "/notes/{id}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> note(@PathVariable String id) {
        if (!id.matches("[0-9a-f]{6,64}")) return notFound();
        Optional<StoredDocument> note = ws.documents().find(DocumentKind.NIGHTJAR_NOTE.prefix() + id)
                .filter(d -> !d.deleted() && d.document().acl().everyone());
        if (note.isEmpty()) return notFound();
        StoredDocument d = note.get();
        Optional<NoteApprovals.Approval> approval = new NoteApprovals(ws.database(), ws.clock()).find(d.id());
        String title = cleanTitle(d.document().title());
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Scratchpad note: ")
                .append(esc(title)).append("</title></head><body style=\"font-family:sans-serif;max-width:48em;margin:2em auto\">")
                .append("<p><small>Nightjar scratchpad note (raw thoughts, not facts) by ")
                .append(esc(ws.people().displayName(d.document().author()))).append(", ").append(esc(minutes(d.document().createdAt())))
                .append("</small></p>")
                .append("<h1>").append(esc(title)).append("</h1><ul>")
                .append("<li>Project: ").append(project(d)).append("</li>")
                .append("<li>Approval: ").append(esc(approval(approval))).append("</li>");
        slackMessage(d, approval).ifPresent(url -> html.append("<li><a href=\"").append(esc(url)).append("\">The Slack message it came from</a></li>"));
        html.append("</ul><pre style=\"white-space:pre-wrap\">").append(esc(d.document().body())).append("</pre></body></html>");
        return ResponseEntity.ok(html.toString());
    }

    static String cleanTitle(String title) {
        String t = TITLE_PREFIXES.matcher(title == null ? "" : title).replaceFirst("").strip();
        return t.isEmpty() ? "Scratchpad note" : t;
    }

    static String minutes(Instant at) {
        return at == null ? "time unknown" : MINUTES.format(at);
    }

    /** The mapped project as a link, or why there is none. */
    private String project(StoredDocument note) {
        Optional<StoredDocument> project = note.document().projects().stream().findFirst().flatMap(ws.documents()::find);
        if (project.isEmpty()) return "not mapped to a project yet";
        var p = project.get().document();
        return p.url() == null ? esc(p.title()) : "<a href=\"" + esc(p.url()) + "\">" + esc(p.title()) + "</a>";
    }

    /** From the Slack app's approval record; notes from the CLI or the nightly channel pass have none. */
    private static String approval(Optional<NoteApprovals.Approval> a) {
        if (a.isEmpty()) return "none needed (added with `nightjar scratchpad add` or from a scratchpad channel by the nightly run)";
        return switch (a.get().state()) {
            case PENDING -> "waiting: the project is proposed, nobody has pressed Route yet";
            case ROUTED -> "approved: routed to the project";
            case DISCARDED -> "discarded: kept here, but it reaches no project's answers";
        };
    }

    /**
     * The Slack message the note was made from: the stored thread it REFERENCES (its permalink), else,
     * for a note captured live before the nightly pull stored that thread, the approval's channel and ts
     * in Slack's permalink form under {@code workspace-url} of connectors/slack.yml.
     */
    private Optional<String> slackMessage(StoredDocument note, Optional<NoteApprovals.Approval> approval) {
        Optional<String> stored = ws.documents().linksFrom(note.id()).stream().filter(l -> l.type() == LinkType.REFERENCES).map(Link::to)
                .filter(to -> to.startsWith("slack:")).findFirst().flatMap(ws.documents()::find).map(s -> s.document().url())
                .filter(url -> url != null && url.startsWith("http"));
        if (stored.isPresent() || approval.isEmpty() || approval.get().threadTs().isBlank()) return stored;
        try {
            String base = new SlackConnectorFactory().settings(ws.config()).workspaceUrl();
            if (base == null || base.isBlank()) return Optional.empty();
            return Optional.of(base.replaceAll("/$", "") + "/archives/" + approval.get().channel() + "/p" + approval.get().threadTs().replace(".", ""));
        } catch (ConfigException e) {
            return Optional.empty(); // no usable slack.yml: the page still shows the note
        }
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("No such note (or it is private to a channel).");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
