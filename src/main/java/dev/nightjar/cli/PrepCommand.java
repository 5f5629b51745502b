package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.Durations;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.prep.Prep;
import dev.nightjar.skills.prep.PrepRenderer;
import dev.nightjar.skills.prep.PrepService;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "prep", description = "Before a 1:1 or a project sync: open items, decisions with their why, changes, conflicts, open questions.")
final class PrepCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    static final class Meeting {
        @Option(names = "--with", paramLabel = "EMAIL|NAME", required = true, description = "The other person of the 1:1: e-mail, or full name when only one person has it.") String with;
        @Option(names = "--project", paramLabel = "NAME", required = true, description = "The Linear project of the sync.") String project;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Meeting meeting;

    @Option(names = "--since", paramLabel = "DURATION", description = "Window, e.g. 7d (default: since the last 1:1 or sync the store knows of, else 7d).")
    String since;

    @Option(names = "--as", paramLabel = "EMAIL", description = "Prepare for this person, with only what they may see.")
    String as;

    @Option(names = "--format", defaultValue = "md", description = "md or json (default: ${DEFAULT-VALUE}).")
    BriefCommand.Format format;

    @Override
    public Integer call() {
        Optional<Duration> window = since == null ? Optional.empty() : Optional.of(Durations.parse(since, "--since"));
        try (Workspace ws = cli.openWorkspaceToSearch()) {
            Viewer viewer = as == null ? Viewer.operator() : Viewer.person(as, ws.people());
            PrepService service = ws.skills().prep();
            Prep prep = meeting.with != null ? service.with(meeting.with, viewer, window) : service.project(meeting.project, viewer, window);
            spec.commandLine().getOut().print(format == BriefCommand.Format.json ? PrepRenderer.jsonText(prep) + "\n" : PrepRenderer.markdown(prep));
            return Cli.OK;
        }
    }
}
