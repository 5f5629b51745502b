package dev.nightjar.eval;

import dev.nightjar.Workspace;
import dev.nightjar.bench.SandboxSync;
import dev.nightjar.config.Durations;
import dev.nightjar.config.Environment;
import dev.nightjar.connectors.http.Sleeper;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.index.vectors.E5SmallEmbedder;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.Answer;
import dev.nightjar.skills.ask.AnswerRenderer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.brief.Brief;
import dev.nightjar.skills.brief.BriefRenderer;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.skills.prep.Prep;
import dev.nightjar.skills.prep.PrepRenderer;
import dev.nightjar.skills.prep.PrepService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the evaluation: the sandbox company generated for a fixed "now" ({@link #NOW}, so every run sees
 * the same company), one real nightly sync into a fresh store, then every case through {@code ask},
 * {@code brief} or {@code prep}: the extractive path, and the LLM path against {@link EchoOpenAi} on loopback (the real
 * OpenAI SDK, prompts and citation validation; only the model is a stand-in).
 */
public final class EvalRunner {

    /** The evaluation's "now": a Wednesday morning UTC, the sandbox's usual test time. */
    public static final Instant NOW = Instant.parse("2026-11-25T06:30:00Z");

    public enum Mode { EXTRACTIVE, LLM }

    private EvalRunner() {
    }

    /** Syncs the sandbox into {@code dir} and scores the cases on each requested path. */
    public static List<EvalReport> run(Path dir, Optional<Path> casesFile, List<Mode> paths) throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (SandboxSync sandbox = new SandboxSync(dir, clock, Sleeper.real())) {
            sandbox.sync(false);
            Map<String, String> values = placeholders(sandbox.company());
            EvalCases cases = casesFile.map(f -> EvalCases.file(f, values)).orElseGet(() -> EvalCases.bundled(values));
            Workspace ws = sandbox.workspace();
            List<EvalReport> reports = new ArrayList<>();
            for (Mode p : paths) {
                if (p == Mode.EXTRACTIVE) {
                    reports.add(score("extractive", cases, new AskService(ws, Optional.empty()), new BriefService(ws, Optional.empty()), ws));
                } else {
                    try (EchoOpenAi echo = new EchoOpenAi()) {
                        Map<String, String> env = Map.of("OPENAI_API_KEY", "eval-only", "OPENAI_BASE_URL", echo.baseUrl(),
                                "OPENAI_MODEL", "echo-facts");
                        Optional<LlmWriter> llm = LlmWriter.from(Environment.of(env), ws.config(), ws.database(), clock);
                        reports.add(score("LLM (loopback stand-in that restates the facts)", cases, new AskService(ws, llm),
                                new BriefService(ws, llm), ws));
                    }
                }
            }
            return reports;
        }
    }

    /**
     * Syncs the sandbox into {@code dir}, builds a BM25-only index and a BM25 + vectors index over the same store
     * (each from empty, timed), and returns the retrieval report: recall@10 per category (see {@link RetrievalRecall}),
     * then each index's build time, size on disk and median search time per question after one warm-up pass.
     */
    public static String retrieval(Path dir, Optional<Path> casesFile) throws IOException {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (SandboxSync sandbox = new SandboxSync(dir.resolve("company"), clock, Sleeper.real())) {
            sandbox.sync(false);
            Map<String, String> values = placeholders(sandbox.company());
            EvalCases cases = casesFile.map(f -> EvalCases.file(f, values)).orElseGet(() -> EvalCases.bundled(values));
            Workspace ws = sandbox.workspace();
            List<dev.nightjar.store.StoredDocument> docs = new ArrayList<>();
            ws.documents().forEachChangedAfter(0, d -> { if (!d.deleted()) docs.add(d); });
            long t0 = System.nanoTime();
            try (DocumentIndex bm25 = DocumentIndex.open(dir.resolve("bm25"), ws.documents(), clock, null)) {
                double bm25Seconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                try (DocumentIndex hybrid = DocumentIndex.open(dir.resolve("hybrid"), ws.documents(), clock, new E5SmallEmbedder())) {
                    double hybridSeconds = (System.nanoTime() - t1) / 1e9;
                    List<RetrievalRecall.CaseRecall> recalls = new RetrievalRecall(docs, ws.people()).measure(cases, bm25, hybrid);
                    List<String> questions = cases.cases().stream().filter(c -> c.kind() == EvalCase.Kind.ASK).map(EvalCase::question).toList();
                    return RetrievalRecall.markdown(recalls) + String.format(Locale.ROOT, """

                            | index | documents | build from empty | size on disk | median search per question (warm) |
                            |---|---|---|---|---|
                            | BM25 alone | %d | %.1f s | %,d B | %.1f ms |
                            | BM25 + vectors | %d | %.1f s | %,d B | %.1f ms |
                            """, bm25.documentCount(), bm25Seconds, bm25.sizeBytes(), medianSearchMillis(bm25, questions),
                            hybrid.documentCount(), hybridSeconds, hybrid.sizeBytes(), medianSearchMillis(hybrid, questions));
                }
            }
        }
    }

    /** Median wall time of one top-10 search per question, after a first pass that loads the model and warms the JIT. */
    private static double medianSearchMillis(DocumentIndex index, List<String> questions) {
        questions.forEach(q -> index.search(SearchRequest.of(q, RetrievalRecall.K)));
        double[] millis = new double[questions.size()];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            index.search(SearchRequest.of(questions.get(i), RetrievalRecall.K));
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return millis.length == 0 ? 0 : millis[millis.length / 2];
    }

    static EvalReport score(String path, EvalCases cases, AskService ask, BriefService briefs, Workspace ws) {
        List<CaseScore> scores = new ArrayList<>();
        for (EvalCase c : cases.cases()) {
            try {
                scores.add(scoreOne(c, cases, ask, briefs, ws));
            } catch (RuntimeException e) {
                // one failing case is a finding, not the end of the run: it scores as answering nothing
                scores.add(CaseScore.of(c, text("", List.of()), cases.noise(), "error: " + e));
            }
        }
        return new EvalReport(path, scores);
    }

    private static CaseScore scoreOne(EvalCase c, EvalCases cases, AskService ask, BriefService briefs, Workspace ws) {
        if (c.kind() == EvalCase.Kind.ASK) {
            Viewer viewer = c.as() == null ? Viewer.operator() : Viewer.person(c.as(), ws.people());
            Answer a = ask.ask(c.question(), viewer);
            return CaseScore.of(c, text(a.markdown(), a.citations()), cases.noise(), AnswerRenderer.text(a));
        }
        if (c.kind() == EvalCase.Kind.PREP) {
            Viewer viewer = c.as() == null ? Viewer.operator() : Viewer.person(c.as(), ws.people());
            Optional<java.time.Duration> window = Optional.ofNullable(c.since()).map(s -> Durations.parse(s, "since"));
            PrepService prep = new PrepService(ws, briefs);
            Prep p = c.project() != null ? prep.project(c.project(), viewer, window) : prep.with(c.person(), viewer, window);
            return scored(c, cases, PrepRenderer.markdown(p), p.brief());
        }
        var window = Durations.parse(c.since(), "since");
        Brief b = c.team() != null ? briefs.forTeam(c.team(), window) : briefs.forPerson(c.person(), window);
        return scored(c, cases, BriefRenderer.markdown(b), b);
    }

    /** A brief-shaped output scored on its text above the source list. */
    private static CaseScore scored(EvalCase c, EvalCases cases, String md, Brief b) {
        int sources = md.indexOf("\nSources\n");
        return CaseScore.of(c, text(sources < 0 ? md : md.substring(0, sources), b.citations()), cases.noise(), md);
    }

    private static AnswerText text(String body, List<Citation> citations) {
        Function<Citation, String> line = c -> c.title() + " " + c.url();
        return AnswerText.of(body, citations.stream().map(line).toList(),
                citations.stream().map(Citation::n).collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    /** The planted stories the case file refers to as {name}. */
    static Map<String, String> placeholders(SampleCompany company) {
        SampleCompany.Stories s = company.stories();
        Map<String, String> m = new LinkedHashMap<>();
        m.put("launch", s.canonicalLaunchDate().toString());
        m.put("draft_launch", s.draftLaunchDate().toString());
        m.put("scratch_date", s.scratchpadLaunchDate().toString());
        // the generator dates the 3DS2 PRD 10 days and the Search initiative 30 days after the reranker launch
        m.put("pay_launch", s.canonicalLaunchDate().plusDays(10).toString());
        m.put("search_target", s.canonicalLaunchDate().plusDays(30).toString());
        m.put("changes_pr", Integer.toString(s.changesRequestedPr()));
        m.put("keyed_pr", Integer.toString(s.keyedPrNumber()));
        m.put("crashed_run", "rnk-130-shadow-eval");
        m.put("running_run", "rnk-121-full-train");
        return m;
    }
}
