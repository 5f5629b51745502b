package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.skills.scratchpad.Note;
import dev.nightjar.skills.scratchpad.NoteRenderer;
import dev.nightjar.skills.scratchpad.ScratchpadService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "scratchpad", description = "Scratchpad notes: raw thoughts turned into structured notes mapped to a project.",
        subcommands = ScratchpadCommand.Add.class)
final class ScratchpadCommand {

    @ParentCommand
    Cli cli;

    @Command(name = "add", description = "Store a raw thought as a scratchpad note linked to the project it is about.")
    static final class Add implements Callable<Integer> {
        @ParentCommand ScratchpadCommand parent;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "TEXT", arity = "1..*") List<String> words;
        @Option(names = "--by", required = true, paramLabel = "EMAIL", description = "Who wrote it.") String by;
        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).") Output.Format format;

        @Override
        public Integer call() {
            try (Workspace ws = parent.cli.openWorkspaceToWrite()) {
                Note note = ws.skills().scratchpad().add(String.join(" ", words), by);
                spec.commandLine().getOut().print(format == Output.Format.json ? NoteRenderer.jsonText(note) + "\n" : NoteRenderer.text(note));
                return Cli.OK;
            }
        }
    }
}
