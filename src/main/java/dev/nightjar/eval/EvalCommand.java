package dev.nightjar.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `nightjar eval`: the answer-quality evaluation over the sandbox company. Prints one table per path
 * (fact recall, wrong statements, noise lines, length, citations) and the cases that missed a fact or
 * made a wrong statement; exit 0 whatever the scores (it measures; it does not gate).
 */
@Command(name = "eval", description = "Answer-quality evaluation: questions and briefs over the sandbox company, scored against the facts they must (and must not) state.")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--path", defaultValue = "both", description = "extractive, llm or both (default: ${DEFAULT-VALUE}).")
    String path;

    @Option(names = "--cases", paramLabel = "FILE", description = "A case file in the shape of the bundled eval/cases.yml.")
    Path cases;

    @Option(names = "--details", description = "Also list noise lines per case.")
    boolean details;

    @Option(names = "--show", paramLabel = "ID", description = "Print the output of these cases (repeatable, or 'all').")
    List<String> show = List.of();

    @Option(names = "--retrieval", description = "Instead of answers, measure retrieval: recall@10 of the documents each question's "
            + "answer needs, BM25 alone vs BM25 + vectors, with each index's build time, size and search time.")
    boolean retrieval;

    @Override
    public Integer call() throws IOException {
        if (retrieval) return retrieval();
        List<EvalRunner.Mode> modes = switch (path) {
            case "extractive" -> List.of(EvalRunner.Mode.EXTRACTIVE);
            case "llm" -> List.of(EvalRunner.Mode.LLM);
            case "both" -> List.of(EvalRunner.Mode.EXTRACTIVE, EvalRunner.Mode.LLM);
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--path must be extractive, llm or both, not '" + path + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("nightjar-eval-");
        try {
            long start = System.nanoTime();
            List<EvalReport> reports = EvalRunner.run(dir, Optional.ofNullable(cases), modes);
            for (EvalReport r : reports) {
                out.println(r.markdown(details));
                for (CaseScore s : r.scores()) {
                    if (show.contains("all") || show.contains(s.evalCase().id())) {
                        out.println("=== " + s.evalCase().id() + ": " + s.evalCase().describe());
                        out.println(s.output());
                    }
                }
            }
            out.printf("Evaluated at %s on the sandbox company in %.1f s.%n", EvalRunner.NOW, (System.nanoTime() - start) / 1e9);
            return 0;
        } finally {
            dev.nightjar.bench.BenchCommand.deleteTree(dir);
        }
    }

    private Integer retrieval() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("nightjar-eval-");
        try {
            long start = System.nanoTime();
            out.println(EvalRunner.retrieval(dir, Optional.ofNullable(cases)));
            out.printf("Measured at %s on the sandbox company in %.1f s.%n", EvalRunner.NOW, (System.nanoTime() - start) / 1e9);
            return 0;
        } finally {
            dev.nightjar.bench.BenchCommand.deleteTree(dir);
        }
    }
}
