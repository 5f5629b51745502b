package dev.nightjar.cli;

import dev.nightjar.Workspace;
import dev.nightjar.sandbox.SampleCompany;
import java.io.PrintWriter;

/** What the demo shows after its sync: the store at a glance (brief and answers follow once skills land). */
final class DemoShowcase {

    private DemoShowcase() {
    }

    static void print(Workspace ws, SampleCompany company, PrintWriter out) {
        out.println("== What is in the store ==");
        out.print(StatusReport.text(StatusReport.build(ws)));
        out.flush();
    }
}
