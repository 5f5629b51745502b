package dev.nightjar.skills.ask;

import dev.nightjar.model.PropertyKey;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.Workspace;
import dev.nightjar.llm.LlmWriter;
import dev.nightjar.llm.Prose;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.FactText;
import dev.nightjar.skills.LlmUsage;
import dev.nightjar.skills.Subject;
import dev.nightjar.skills.Viewer;
import dev.nightjar.skills.Words;
import dev.nightjar.skills.radar.RadarItems;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    public Answer ask(String question, Viewer viewer) {
        if (question == null || question.isBlank()) throw new dev.nightjar.config.ConfigException("the question is empty");
        DecisionLog decisionLog = ws.decisions(); // a read: the change feed keeps the log current
        Corpus corpus = new Corpus(ws.documents(), viewer, ws::keptDocuments);
        Instant now = ws.clock().instant();
        ZoneId zone = zoneOf(viewer);
        Intent intent = Intent.of(question, now, zone);
        SubjectResolver resolver = new SubjectResolver(corpus, ws.people(), ws::planningDocuments);

        FactSheet sheet;
        String header, headline;
        Subject subject;
        Verdict verdict = null;
        if (structured(intent)) {
            sheet = new FactSheet();
            StructuredAnswers answers = new StructuredAnswers(corpus, ws.people(), now, zone);
            subject = intent.topic().isBlank() ? Subject.topic(question) : resolver.resolve(intent.topic());
            String window = intent.windowWords() == null ? "" : intent.windowWords();
            headline = switch (intent.kind()) {
                case BLOCKED_NOW -> answers.blocked(sheet);
                case RECENT -> answers.recent(sheet, now.minus(intent.window()), window.isEmpty() ? "recently" : window);
                case WORKING_ON -> answers.workingOn(sheet, teamKey(intent.topic()));
                case PAPERS -> new RadarItems(ws.database(), corpus).answer(sheet, intent.topic());
                default -> answers.decisions(sheet, ws.allDecisions(), intent.window() == null ? null : now.minus(intent.window()),
                        subject.kind().equals("person") ? subject.key() : null,
                        subject.kind().equals("person") ? "by " + subject.title() : window.isEmpty() ? "recently" : window);
            };
            if (!subject.kind().equals("person")) subject = Subject.topic(question);
            header = "_Answered from the store's records" + (intent.window() == null ? "" : " of the window (" + window + ")") + "._\n\n";
        } else {
            String topic = intent.topic().isBlank() ? question : intent.topic();
            subject = resolver.resolve(topic);
            Neighborhood n = new Gatherer(corpus, ws.index(), ws.people()).gather(subject);
            List<Decision> decisions = decisions(decisionLog, ws.allDecisions(), n, intent, subject);
            sheet = new FactSheet();
            new NamedSuperseded(corpus, ws.index()).state(question, sheet);
            StatusComposer.Composition c = new StatusComposer(corpus, ws.people(), now, zone).compose(sheet, intent, subject, n, decisions);
            headline = c.headline();
            verdict = c.verdict();
            header = header(subject);
        }
        String lead = header + (headline == null ? "" : "**" + headline + "**\n\n");
        TopLevel layers = TopLevel.of(sheet, (int) lead.lines().filter(l -> !l.isBlank()).count());
        String more = FactText.markdown(layers.more(), layers.moreConflicts());
        String text = sheet.isEmpty() && headline == null
                ? header + "Nothing in the store you can see answers this yet."
                : lead + FactText.markdown(layers.top(), layers.topConflicts());
        LlmUsage usage = LlmUsage.none();
        if (llm.isPresent() && !sheet.isEmpty()) {
            // the model writes the top level from the top facts; the details stay extractive and cited
            Map<String, String> slots = new LinkedHashMap<>();
            slots.put("question", question);
            slots.put("subject", subject.isTopic() ? "free topic: " + subject.title() : subject.kind() + " " + subject.title());
            slots.put("facts", FactText.forPrompt(sheet, layers.top()));
            slots.put("conflicts", FactText.conflictsForPrompt(layers.topConflicts()));
            Set<Integer> numbers = new java.util.HashSet<>();
            layers.top().forEach(f -> numbers.addAll(f.citations()));
            layers.topConflicts().forEach(c -> numbers.addAll(c.citations()));
            Prose prose = llm.get().write("ask", slots, numbers, slots.get("facts") + "\n" + slots.get("conflicts") + "\n" + question);
            usage = LlmUsage.of(prose);
            // the headline is computed, not written: it opens the answer on both paths
            if (prose.accepted()) text = lead + prose.text().strip();
        }
        return new Answer(question, subject.isTopic() ? null : subject, text, more, sheet.citations(), sheet.conflicts(), usage, headline, verdict);
    }

    private static boolean structured(Intent intent) {
        return switch (intent.kind()) {
            case BLOCKED_NOW, RECENT, DECISIONS, WORKING_ON, PAPERS -> true;
            default -> false;
        };
    }

    /** The reader's time zone (their Slack or Linear profile), else UTC. */
    private ZoneId zoneOf(Viewer viewer) {
        if (viewer.email() == null) return ZoneOffset.UTC;
        try {
            return ws.people().timeZoneOf(viewer.email()).map(ZoneId::of).orElse(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The Linear team a phrase names ("in the ranking team" → RNK), by key or name as its issues carry them, or null for everyone. */
    private String teamKey(String phrase) {
        Set<String> words = Words.significant(phrase);
        if (words.isEmpty()) return null;
        Map<String, String> teams = new LinkedHashMap<>();
        for (Map<String, String> properties : ws.documents().queries().propertiesOf(DocumentKind.LINEAR_ISSUE, 2000)) {
            String key = properties.get(PropertyKey.TEAM.key());
            if (key != null) teams.putIfAbsent(key, properties.getOrDefault(PropertyKey.TEAM_NAME.key(), key));
        }
        for (Map.Entry<String, String> t : teams.entrySet()) {
            if (words.contains(t.getKey().toLowerCase(java.util.Locale.ROOT)) || Words.fuzzyOverlap(t.getValue(), words).matched() > 0) return t.getKey();
        }
        return null;
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
    private static List<Decision> decisions(DecisionLog log, List<Decision> all, Neighborhood n, Intent intent, Subject subject) {
        List<Decision> out = new ArrayList<>(log.forDocuments(n.all().stream().map(StoredDocument::id).toList()));
        if (intent.kind() == Intent.Kind.WHY || subject.isTopic()) {
            Set<String> topic = Words.significant(intent.topic());
            int need = Math.min(2, topic.size());
            for (Decision d : all) {
                if (out.stream().anyMatch(o -> o.id() == d.id())) continue;
                if (need > 0 && Words.overlap(d.text() + " " + (d.why() == null ? "" : d.why()), topic).matched() >= need) out.add(d);
            }
        }
        return out;
    }
}
