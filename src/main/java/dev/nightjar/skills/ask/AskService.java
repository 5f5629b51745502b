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
        Instant now = ws.clock().instant();
        ZoneId zone = zoneOf(viewer);
        Intent intent = Intent.of(question, now, zone);
        SubjectResolver resolver = new SubjectResolver(corpus, ws.people());

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
                default -> answers.decisions(sheet, decisionLog.all(), intent.window() == null ? null : now.minus(intent.window()),
                        subject.kind().equals("person") ? subject.key() : null,
                        subject.kind().equals("person") ? "by " + subject.title() : window.isEmpty() ? "recently" : window);
            };
            if (!subject.kind().equals("person")) subject = Subject.topic(question);
            header = "_Answered from the store's records" + (intent.window() == null ? "" : " of the window (" + window + ")") + "._\n\n";
        } else {
            String topic = intent.topic().isBlank() ? question : intent.topic();
            subject = resolver.resolve(topic);
            Neighborhood n = new Gatherer(corpus, ws.index(), ws.people()).gather(subject);
            List<Decision> decisions = decisions(decisionLog, n, intent, subject);
            StatusComposer.Composition c = new StatusComposer(corpus, ws.people(), now, zone).compose(intent, subject, n, decisions);
            sheet = c.sheet();
            headline = c.headline();
            verdict = c.verdict();
            header = header(subject);
        }
        String lead = header + (headline == null ? "" : "**" + headline + "**\n\n");
        String extractive = sheet.isEmpty() && headline == null
                ? header + "Nothing in the store you can see answers this yet."
                : lead + FactText.markdown(sheet);
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
            // the headline is computed, not written: it opens the answer on both paths
            if (prose.accepted()) text = lead + prose.text().strip();
        }
        return new Answer(question, subject.isTopic() ? null : subject, text, sheet.citations(), sheet.conflicts(), usage, headline, verdict);
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
        for (Map<String, Object> row : ws.database().jdbc().queryForList(
                "SELECT DISTINCT properties FROM documents WHERE source = 'linear' AND kind = 'issue' AND deleted_at IS NULL LIMIT 2000")) {
            // properties is JSON text; the team's key and name are enough here
            String json = String.valueOf(row.values().iterator().next());
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("\"team\":\"([^\"]+)\"").matcher(json);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("\"team_name\":\"([^\"]+)\"").matcher(json);
            if (key.find()) teams.putIfAbsent(key.group(1), name.find() ? name.group(1) : key.group(1));
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
