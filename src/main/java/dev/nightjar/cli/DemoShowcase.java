package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.sandbox.SampleCompany;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.ask.AnswerRenderer;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.brief.BriefRenderer;
import dev.nightjar.skills.brief.BriefService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** What the demo shows after its sync: a team's morning brief and cited answers, as a lead would read them. */
final class DemoShowcase {

    static final String TEAM = "RNK";
    static final List<String> QUESTIONS = List.of(
            "Where do we stand on the neural reranker launch?",
            "Why did we go with hybrid BM25+dense retrieval?",
            "What is blocking RNK-134?");

    private DemoShowcase() {
    }

    static void print(Workspace ws, SampleCompany company, PrintWriter out) {
        out.println("== Morning brief for team " + TEAM + " (last 24 h) ==");
        out.println(BriefRenderer.markdown(ws.skills().brief().forTeam(TEAM, Duration.ofHours(24))));
        AskService ask = ws.skills().ask();
        for (String question : QUESTIONS) {
            out.println("== nightjar ask \"" + question + "\" ==");
            out.println(AnswerRenderer.text(ask.ask(question, Viewer.operator())));
        }
        out.flush();
    }
}
