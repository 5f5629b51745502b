package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.Durations;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.truth.CanonicalService;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "canonical", description = "Mark, unmark and list canonical documents (admins only; audited).",
        subcommands = {CanonicalCommand.Mark.class, CanonicalCommand.Unmark.class, CanonicalCommand.ListMarks.class})
final class CanonicalCommand {

    @ParentCommand
    Cli cli;

    /**
     * The mark is in the store (the truth every answer reads); the index only ranks by it. When a running
     * `serve` holds the index, it takes the change on its next catch-up instead of failing this command.
     * (The change feed has already brought this process's index up to date when the mark committed.)
     */
    static void updateIndex(Workspace ws, CommandSpec spec) {
        if (ws.index().readOnly()) {
            spec.commandLine().getErr().println("nightjar: note: the index is open in a running Nightjar (serve); "
                    + "its ranking picks this change up at its next update");
        }
    }

    @Command(name = "mark", description = "Mark the document at URL canonical; supersedes the previous canonical one on its subject.")
    static final class Mark implements Callable<Integer> {
        @ParentCommand CanonicalCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "URL") String url;
        @Option(names = "--by", required = true, paramLabel = "EMAIL", description = "The admin marking it.") String by;
        @Option(names = "--review-every", paramLabel = "DURATION", description = "Review period, e.g. 90d, 12w (default from index/truth.yml).") String reviewEvery;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;

        @Override
        public Integer call() {
            try (Workspace ws = parent.cli.openWorkspaceToWrite()) {
                var review = reviewEvery == null ? null : Durations.parse(reviewEvery, "--review-every");
                CanonicalService.Marked m = ws.canonical().mark(url, by, review, reason);
                updateIndex(ws, spec);
                PrintWriter out = spec.commandLine().getOut();
                if (m.replaced() != null) {
                    out.printf("Replaces the %s (review by %s); it stays in the audit log.%n", CanonicalService.describe(m.replaced()),
                            m.replaced().reviewBy() == null ? "-" : m.replaced().reviewBy().toString().substring(0, 10));
                }
                out.printf("Marked canonical: %s (%s), review by %s.%n", m.document().document().title(), m.document().id(),
                        m.mark().reviewBy().toString().substring(0, 10));
                for (String old : m.superseded()) out.printf("Superseded: %s%n", old);
                return Cli.OK;
            }
        }
    }

    @Command(name = "unmark", description = "Remove an admin's canonical mark from the document at URL.")
    static final class Unmark implements Callable<Integer> {
        @ParentCommand CanonicalCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "URL") String url;
        @Option(names = "--by", required = true, paramLabel = "EMAIL") String by;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;

        @Override
        public Integer call() {
            try (Workspace ws = parent.cli.openWorkspaceToWrite()) {
                StoredDocument d = ws.canonical().unmark(url, by, reason);
                updateIndex(ws, spec);
                spec.commandLine().getOut().printf("Unmarked: %s (%s), now %s.%n", d.document().title(), d.id(), d.truth().label());
                return Cli.OK;
            }
        }
    }

    @Command(name = "list", description = "Every canonical document: admin-marked and rule-matched.")
    static final class ListMarks implements Callable<Integer> {
        @ParentCommand CanonicalCommand parent;
        @Spec CommandSpec spec;
        @Option(names = "--format", defaultValue = "text", description = "text or json.") Output.Format format;

        @Override
        public Integer call() {
            try (Workspace ws = parent.cli.openWorkspace()) {
                List<CanonicalService.Listed> all = ws.canonical().list();
                PrintWriter out = spec.commandLine().getOut();
                if (format == Output.Format.json) {
                    out.println(Output.json(Map.of("canonical", all.stream().map(ListMarks::json).toList())));
                } else if (all.isEmpty()) {
                    out.println("No canonical documents yet (admins: `nightjar canonical mark URL --by EMAIL`).");
                } else {
                    for (CanonicalService.Listed l : all) {
                        StoredDocument d = l.document();
                        out.printf("%-9s %s%n          %s%n          %s, review by %s%s%n", flags(d), d.document().title(), d.document().url(),
                                l.mark() == null ? d.truthReason() : CanonicalService.describe(l.mark()),
                                d.reviewBy() == null ? "-" : d.reviewBy().toString().substring(0, 10),
                                d.superseded() ? ", superseded by " + d.supersededBy() : "");
                    }
                }
                return Cli.OK;
            }
        }

        private static String flags(StoredDocument d) {
            return d.superseded() ? "SUPERSEDED" : d.stale() ? "STALE" : "CURRENT";
        }

        private static Map<String, Object> json(CanonicalService.Listed l) {
            StoredDocument d = l.document();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("url", d.document().url());
            m.put("title", d.document().title());
            m.put("source", d.document().id().source());
            m.put("reason", d.truthReason());
            m.put("marked_by", l.mark() == null ? null : l.mark().markedBy());
            m.put("marked_at", l.mark() == null ? null : l.mark().markedAt().toString());
            m.put("mark_reason", l.mark() == null ? null : l.mark().reason());
            m.put("review_by", d.reviewBy() == null ? null : d.reviewBy().toString());
            m.put("stale", d.stale());
            m.put("superseded_by", d.supersededBy());
            return m;
        }
    }
}
