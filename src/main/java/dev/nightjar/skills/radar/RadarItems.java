package dev.nightjar.skills.radar;

import dev.nightjar.model.PropertyKey;

import dev.nightjar.store.RadarStore;
import dev.nightjar.model.RadarMatch;

import dev.nightjar.model.Document;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Words;
import dev.nightjar.store.Database;
import dev.nightjar.store.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads stored radar matches into fact-sheet items, for the brief's "Research radar" section and for
 * {@code ask "any new papers relevant to X?"}. Read-only: the matches are made by the nightly
 * {@link Radar} pass. Each item names the paper (an external reference, never a team fact), the
 * project, and why: the paper's sentence and the project's sentence that matched, both cited.
 */
public final class RadarItems {

    /** The brief section's title. */
    public static final String SECTION = "Research radar (external papers, not team facts)";
    /** Longest quoted sentence, in characters. */
    static final int QUOTE_MAX = 220;
    /** At most this many papers per brief or answer: the radar informs, it must not bury the morning. */
    static final int MAX_ITEMS = 5;

    private final RadarStore store;
    private final Corpus corpus;
    /** The projects each canonical-document target belongs to, resolved once per brief. */
    private final Map<String, Set<String>> belongsTo = new java.util.HashMap<>();

    public RadarItems(Database db, Corpus corpus) {
        this.store = new RadarStore(db);
        this.corpus = corpus;
    }

    /**
     * Papers matched in {@code [since, until]} to a target the audience owns: a target whose id, or one
     * of whose projects (team, initiative), is in {@code projects}; a canonical PRD whose project
     * ({@link PrdProjects}) or that project's team or initiative is in {@code projects}, so it reaches the
     * project's lead and team as a project match does; or a target whose author or participants are among
     * {@code identities} (a PRD's owner). One item per paper, with its best target.
     *
     * @return how many items were added
     */
    public int addForAudience(FactSheet sheet, String section, Set<String> projects, Set<String> identities, Instant since, Instant until) {
        List<RadarMatch> recent = store.since(since).stream().filter(m -> !m.matchedAt().isAfter(until)).toList();
        return add(sheet, section, recent, t -> owned(t.document(), projects, identities));
    }

    /**
     * Matches to targets whose title or description names {@code topic} (all of its significant words,
     * or any when {@code topic} is blank), newest papers first within score order.
     */
    public int addForTopic(FactSheet sheet, String section, String topic) {
        Set<String> words = Words.significant(topic);
        return add(sheet, section, store.all(), t -> {
            if (words.isEmpty()) return true;
            Set<String> own = Words.significant(t.document().title() + " " + t.document().body());
            return own.containsAll(words);
        });
    }

    /**
     * The answer to {@code ask "any new papers relevant to X?"}: the matched papers for targets naming
     * {@code topic} (every match when blank), cited, and the headline.
     */
    public String answer(FactSheet sheet, String topic) {
        int n = addForTopic(sheet, "Papers", topic);
        String about = topic == null || topic.isBlank() ? "your projects" : topic;
        if (n == 0) {
            return "No paper the research radar has read matches " + about
                    + (store.lastJudged().isPresent() ? "." : " (no papers yet: configure connectors/arxiv.yml).");
        }
        return n + (n == 1 ? " paper" : " papers") + " from arXiv bear on " + about + " (external references, not team facts).";
    }

    private int add(FactSheet sheet, String section, List<RadarMatch> matches, Predicate<StoredDocument> wanted) {
        Map<String, StoredDocument> docs = Corpus.byId(corpus.findAll(ids(matches)));
        Map<String, List<RadarMatch>> byPaper = new LinkedHashMap<>();
        for (RadarMatch m : matches) {
            StoredDocument target = docs.get(m.targetId());
            if (docs.get(m.paperId()) == null || target == null || !wanted.test(target)) continue;
            byPaper.computeIfAbsent(m.paperId(), k -> new ArrayList<>()).add(m);
        }
        int n = 0;
        for (List<RadarMatch> forPaper : byPaper.values()) {
            if (n == MAX_ITEMS) break;
            RadarMatch best = forPaper.get(0); // store order: best score first
            StoredDocument paper = docs.get(best.paperId()), target = docs.get(best.targetId());
            List<String> also = forPaper.stream().skip(1).map(m -> docs.get(m.targetId()).document().title()).distinct().toList();
            sheet.add(section, text(paper.document(), target.document(), best, also), paper, target);
            n++;
        }
        return n;
    }

    static String text(Document paper, Document target, RadarMatch m, List<String> also) {
        String authors = java.util.Objects.requireNonNullElse(paper.property(PropertyKey.AUTHORS), "");
        return "Paper \"" + paper.title() + "\" (arXiv " + paper.id().key() + (authors.isBlank() ? "" : ", " + firstAuthor(authors))
                + ") bears on " + target.title() + ". Why: the paper says \"" + quote(m.paperSentence()) + "\"; "
                + target.title() + " says \"" + quote(m.targetSentence()) + "\". Shared terms: " + String.join(", ", m.sharedTerms())
                + " (similarity " + String.format(java.util.Locale.ROOT, "%.2f", m.score()) + ")."
                + (also.isEmpty() ? "" : " Also relevant to " + String.join(", ", also) + ".");
    }

    private boolean owned(Document target, Set<String> projects, Set<String> identities) {
        if (projects.contains(target.id().toString()) || target.projects().stream().anyMatch(projects::contains)) return true;
        if (belongsTo.computeIfAbsent(target.id().toString(), id -> new PrdProjects(corpus).of(target)).stream().anyMatch(projects::contains)) return true;
        return (target.author() != null && identities.contains(target.author())) || target.participants().stream().anyMatch(identities::contains);
    }

    private static List<String> ids(Collection<RadarMatch> matches) {
        List<String> ids = new ArrayList<>();
        for (RadarMatch m : matches) {
            ids.add(m.paperId());
            ids.add(m.targetId());
        }
        return ids.stream().distinct().toList();
    }

    private static String firstAuthor(String authors) {
        int comma = authors.indexOf(',');
        return comma < 0 ? authors : authors.substring(0, comma) + " et al.";
    }

    private static String quote(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > QUOTE_MAX ? t.substring(0, QUOTE_MAX - 1).stripTrailing() + "…" : t;
    }
}
