package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.config.Durations;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefRenderer;
import dev.nightjar.skills.brief.BriefService;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "brief", description = "What changed in the window for a Linear team or a person, ranked by what needs action.")
final class BriefCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    static final class Who {
        @Option(names = "--team", paramLabel = "KEY", required = true, description = "Linear team key, e.g. PAY.") String team;
        @Option(names = "--person", paramLabel = "EMAIL|NAME", required = true, description = "The reader's e-mail, or full name when only one person has it.") String person;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = "--since", defaultValue = "24h", paramLabel = "DURATION", description = "Window, e.g. 24h, 3d (default: ${DEFAULT-VALUE}).")
    String since;

    enum Format { md, json }

    @Option(names = "--format", defaultValue = "md", description = "md or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Duration window = Durations.parse(since, "--since");
        try (Workspace ws = cli.openWorkspace()) {
            BriefService service = ws.skills().brief();
            Brief brief = who.team != null ? service.forTeam(who.team, window) : service.forPerson(who.person, window);
            spec.commandLine().getOut().print(format == Format.json ? BriefRenderer.jsonText(brief) + "\n" : BriefRenderer.markdown(brief));
            return Cli.OK;
        }
    }
}
