package dev.nightjar.skills;

import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.skills.ask.AskService;
import dev.nightjar.skills.brief.BriefService;
import dev.nightjar.skills.prep.PrepService;
import dev.nightjar.skills.scratchpad.ScratchpadService;
import java.util.Optional;

/**
 * The skills of one workspace, built in one place: the LLM writer (from {@code NIGHTJAR_LLM_*} and the
 * prompt templates) is resolved once, and every caller (CLI, Slack, the nightly job) asks here instead of
 * assembling a service by hand. The services are cheap and hold no per-request state.
 */
public final class Skills {

    private final AskService ask;
    private final BriefService brief;
    private final ScratchpadService scratchpad;
    private final PrepService prep;

    public Skills(Workspace ws) {
        Optional<LlmWriter> llm = LlmWriter.from(ws.env(), ws.config(), ws.database(), ws.clock());
        this.ask = new AskService(ws, llm);
        this.brief = new BriefService(ws, llm);
        this.scratchpad = new ScratchpadService(ws, llm);
        this.prep = new PrepService(ws, brief);
    }

    public AskService ask() {
        return ask;
    }

    public BriefService brief() {
        return brief;
    }

    public ScratchpadService scratchpad() {
        return scratchpad;
    }

    public PrepService prep() {
        return prep;
    }
}
