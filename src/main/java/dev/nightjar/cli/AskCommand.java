package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AnswerRenderer;
import dev.nightjar.skills.ask.AskService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ask", description = "Answer \"where do we stand on X?\" (and why/who/what-blocks questions) from the store, every claim cited.")
final class AskCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question (quote it, or give it as several words).")
    java.util.List<String> words;

    @Option(names = "--as", paramLabel = "EMAIL", description = "Answer with only what this person may see.")
    String as;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Output.Format format;

    @Override
    public Integer call() {
        try (Workspace ws = cli.openWorkspaceToSearch()) {
            Viewer viewer = as == null ? Viewer.operator() : Viewer.person(as, ws.people());
            Answer answer = ws.skills().ask().ask(String.join(" ", words), viewer);
            spec.commandLine().getOut().print(format == Output.Format.json ? AnswerRenderer.jsonText(answer) + "\n" : AnswerRenderer.text(answer));
            return Cli.OK;
        }
    }
}
