package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code show (URL|ID) [--as EMAIL] [--format text|json]}: one stored document as the store holds it
 * (see {@link ShowReport}). Exit 2 for an unknown URL or id, and, with the same message, for a
 * document {@code --as} may not read.
 */
@Command(name = "show", description = "One stored document: truth level and why, source times, versions, links, readers, body.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL|ID", description = "The document's URL (https:// optional), its id (linear:issue:RNK-130), a Linear issue key (RNK-130) or a GitHub owner/repo#55 (repo#55 when only one repository has that name).")
    String ref;

    @Option(names = "--as", paramLabel = "EMAIL", description = "Show it only if this person may read it.")
    String as;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Override
    public Integer call() {
        try (Workspace ws = cli.openWorkspace()) {
            Viewer viewer = as == null ? Viewer.operator() : Viewer.person(as, ws.people());
            ShowReport report = new ShowReport(ws, viewer);
            StoredDocument doc = report.find(ref);
            Map<String, Object> shown = report.build(doc);
            spec.commandLine().getOut().print(format == Output.Format.json ? Output.json(shown) + "\n" : text(shown, ws.clock().instant()));
            return Cli.OK;
        }
    }

    /** The document as text: times to the minute in UTC with their age from {@code now}; JSON keeps the instants. */
    @SuppressWarnings("unchecked")
    static String text(Map<String, Object> s, java.time.Instant now) {
        TextTime time = new TextTime(now);
        StringBuilder sb = new StringBuilder();
        sb.append(s.get("title")).append('\n');
        sb.append(s.get("url")).append('\n');
        line(sb, "Id", s.get("id") + "  (" + s.get("source") + " " + s.get("kind") + (s.get("state") == null ? "" : ", " + s.get("state")) + ")");
        Map<String, Object> author = (Map<String, Object>) s.get("author");
        line(sb, "Author", author == null ? "-" : author.get("name") + (author.get("email") == null ? "" : " <" + author.get("email") + ">"));
        line(sb, "Created", time.say(s.get("created_at"), "-") + "  (source time)");
        line(sb, "Updated", time.say(s.get("updated_at"), "-") + "  (source time; stored " + time.say(s.get("stored_at"), "-") + ")");
        if (s.get("deleted_at") != null) line(sb, "Deleted", time.say(s.get("deleted_at"), "-") + "  (gone from the source)");

        Map<String, Object> t = (Map<String, Object>) s.get("truth");
        StringBuilder truth = new StringBuilder(String.valueOf(t.get("level")));
        if (Boolean.TRUE.equals(t.get("stale"))) truth.append(", STALE");
        if (t.get("superseded_by") != null) truth.append(", SUPERSEDED by ").append(t.get("superseded_by"));
        truth.append(" — ").append(t.get("reason"));
        if (t.get("review_by") != null) truth.append("; review by ").append(ShowReport.day(java.time.Instant.parse((String) t.get("review_by"))));
        line(sb, "Truth", truth.toString());

        Map<String, Object> acl = (Map<String, Object>) s.get("acl");
        line(sb, "Readers", Boolean.TRUE.equals(acl.get("public")) ? "everyone in the workspace"
                : String.join(", ", (List<String>) acl.get("readers")));

        Map<String, Object> properties = (Map<String, Object>) s.get("properties");
        if (!properties.isEmpty()) {
            sb.append("\nProperties\n");
            properties.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        List<Map<String, Object>> versions = (List<Map<String, Object>>) s.get("versions");
        sb.append("\nVersions (").append(versions.size()).append(")\n");
        for (Map<String, Object> v : versions) {
            sb.append(String.format("  v%-3s %s  %-18s %s%n", v.get("version"), time.say(v.get("at"), "-"),
                    v.get("by") == null ? "-" : v.get("by"), v.get("summary")));
        }
        List<Map<String, Object>> links = (List<Map<String, Object>>) s.get("links");
        sb.append("\nLinks (").append(links.size()).append(")\n");
        for (Map<String, Object> l : links) {
            sb.append(String.format("  %-3s %-11s %s%s%n", l.get("direction"), l.get("type"),
                    l.get("title") == null ? "" : l.get("title") + "  ", l.get("url")));
        }
        sb.append("\n").append(s.get("body")).append('\n');
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(String.format("%-8s %s%n", label + ":", value));
    }
}
