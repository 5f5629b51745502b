package dev.nightjar.skills.ask;

import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.llm.Prose;
import dev.nightjar.skills.Citation;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.Words;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ask}: resolve the question to a subject, walk the links around it, state what the sources
 * say as numbered, cited facts (extractively), and, when an LLM is configured, let it write the prose
 * from exactly those facts. The viewer decides what may be read; nothing else reaches the facts or the prompt.
 */
public final class AskService {

    private final Workspace ws;
    private final Optional<LlmWriter> llm;

    public AskService(Workspace ws, Optional<LlmWriter> llm) {
        this.ws = ws;
        this.llm = llm;
    }

    public static AskService of(Workspace ws) {
        return new AskService(ws, LlmWriter.from(ws.env(), ws.config(), ws.database(), ws.clock()));
    }

    public Answer ask(String question, Viewer viewer) {
        if (question == null || question.isBlank()) throw new dev.nightjar.config.ConfigException("the question is empty");
        DecisionLog decisionLog = new DecisionLog(ws.database(), ws.documents(), ws.clock());
        decisionLog.refresh();
        Corpus corpus = new Corpus(ws.documents(), ws.database(), viewer);
        Intent intent = Intent.of(question);
        String topic = intent.topic().isBlank() ? question : intent.topic();
        Subject subject = new SubjectResolver(corpus, ws.people()).resolve(topic);
        Neighborhood n = new Gatherer(corpus, ws.index(), ws.people()).gather(subject);
        List<Decision> decisions = decisions(decisionLog, n, intent, subject);
        FactSheet sheet = new StatusComposer(corpus, ws.people(), ws.clock().instant()).compose(intent, subject, n, decisions);

        String header = header(subject);
        String extractive = sheet.isEmpty()
                ? header + "Nothing in the store you can see answers this yet."
                : header + FactText.markdown(sheet);
        LlmUsage usage = LlmUsage.none();
        String text = extractive;
        if (llm.isPresent() && !sheet.isEmpty()) {
            Map<String, String> slots = new LinkedHashMap<>();
            slots.put("question", question);
            slots.put("subject", subject.isTopic() ? "free topic: " + subject.title() : subject.kind() + " " + subject.title());
            slots.put("facts", FactText.forPrompt(sheet));
            slots.put("conflicts", FactText.conflictsForPrompt(sheet));
            Set<Integer> numbers = sheet.citations().stream().map(Citation::n).collect(Collectors.toSet());
            Prose prose = llm.get().write("ask", slots, numbers, slots.get("facts") + "\n" + slots.get("conflicts") + "\n" + question);
            usage = LlmUsage.of(prose);
            if (prose.accepted()) text = header + prose.text().strip();
        }
        return new Answer(question, subject.isTopic() ? null : subject, text, sheet.citations(), sheet.conflicts(), usage);
    }

    private static String header(Subject s) {
        if (s.isTopic()) return "_No Linear initiative, project, issue or person matched; answering on the topic \"" + s.title() + "\"._\n\n";
        String what = switch (s.kind()) {
            case "initiative" -> "Linear initiative";
            case "project" -> "Linear project";
            case "issue" -> "Linear issue " + s.key();
            default -> "person (" + s.key() + ")";
        };
        String ambiguous = s.ambiguous() ? " Ambiguous: it also matches " + String.join(", ", s.candidates().stream().map(c -> "\"" + c + "\"").toList())
                + "; name one to ask about it instead." : "";
        return "_Subject: " + s.title() + " (" + what + ")." + ambiguous + "_\n\n";
    }

    /** Decisions from the walked documents, plus (for "why" questions and free topics) any decision naming the topic. */
    private static List<Decision> decisions(DecisionLog log, Neighborhood n, Intent intent, Subject subject) {
        List<Decision> out = new ArrayList<>(log.forDocuments(n.all().stream().map(StoredDocument::id).toList()));
        if (intent.kind() == Intent.Kind.WHY || subject.isTopic()) {
            Set<String> topic = Words.significant(intent.topic());
            int need = Math.min(2, topic.size());
            for (Decision d : log.all()) {
                if (out.stream().anyMatch(o -> o.id() == d.id())) continue;
                if (need > 0 && Words.overlap(d.text() + " " + (d.why() == null ? "" : d.why()), topic).matched() >= need) out.add(d);
            }
        }
        return out;
    }
}
