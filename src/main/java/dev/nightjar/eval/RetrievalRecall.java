package dev.nightjar.eval;

import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Recall@10 of the documents a correct answer needs, per question case: how many of them the index's first
 * {@value #K} hits for the question hold. It measures retrieval alone (the hit list `ask` starts from), so
 * BM25 alone and BM25 + vectors can be compared on the same questions.
 *
 * <p>What a case needs is derived from the facts it already pins, so the case file stays the one source:
 * <ul>
 *   <li>a {@code cite:} fact needs the documents whose title or URL it matches;</li>
 *   <li>a text fact ({@code re:}, not headline-only) needs the documents whose normalised title and body state it, when
 *       1 to {@value #PIN_MAX} documents do; a fact no document states word for word (a verdict, an owner phrased by
 *       the answer) or that many documents state ("on track") pins no document and is counted as unpinned;</li>
 *   <li>each {@code needs:} pattern needs the documents whose title or URL it matches.</li>
 * </ul>
 * A need is met when any one of its documents is among the first {@value #K} hits (a launch date stated in the PRD and
 * in a comment needs one of them, not both). Searches run as the case's asker ({@code as:}), so private documents
 * count only for those who may read them.
 */
public final class RetrievalRecall {

    /** The cut-off: the hits an answer is built from first. */
    public static final int K = 10;

    /** A fact stated in more documents than this does not say which document an answer needs. */
    static final int PIN_MAX = 5;

    /** One thing a case needs, and the ids of the documents that satisfy it. */
    record Need(String label, Set<String> documents) {
    }

    /** One case's needs and how many of them each index met. */
    public record CaseRecall(EvalCase evalCase, List<Need> needs, int unpinned, int metBm25, int metHybrid) {
    }

    private final List<StoredDocument> documents;
    private final PeopleDirectory people;

    /** {@code documents}: every current document of the store the indexes were built from. */
    public RetrievalRecall(List<StoredDocument> documents, PeopleDirectory people) {
        this.documents = List.copyOf(documents);
        this.people = people;
    }

    /** Scores every question case of {@code cases} with both indexes (briefs have no question, so no hit list). */
    public List<CaseRecall> measure(EvalCases cases, DocumentIndex bm25, DocumentIndex hybrid) {
        List<CaseRecall> out = new ArrayList<>();
        for (EvalCase c : cases.cases()) {
            if (c.kind() != EvalCase.Kind.ASK) continue;
            List<Need> needs = new ArrayList<>();
            int unpinned = 0;
            for (Expectation e : c.must()) {
                if (e.headlineOnly()) continue;
                Need need = e.cite() ? byTitle(e.label(), e.pattern()) : byText(e.label(), e.pattern());
                if (need.documents().isEmpty() || need.documents().size() > PIN_MAX && !e.cite()) unpinned++;
                else needs.add(need);
            }
            for (Pattern p : c.needs()) {
                Need need = byTitle("needs " + p.pattern(), p);
                if (need.documents().isEmpty()) unpinned++;
                else needs.add(need);
            }
            Set<String> visible = c.as() == null ? null : Viewer.person(c.as(), people).searchFilter();
            out.add(new CaseRecall(c, needs, unpinned, met(needs, top(bm25, c.question(), visible)), met(needs, top(hybrid, c.question(), visible))));
        }
        return out;
    }

    private static Set<String> top(DocumentIndex index, String question, Set<String> visibleTo) {
        Set<String> ids = new LinkedHashSet<>();
        for (SearchHit h : index.search(SearchRequest.of(question, K).visibleTo(visibleTo))) ids.add(h.id());
        return ids;
    }

    private static int met(List<Need> needs, Set<String> top) {
        return (int) needs.stream().filter(n -> n.documents().stream().anyMatch(top::contains)).count();
    }

    private Need byTitle(String label, Pattern p) {
        return matching(label, d -> (d.document().title() + " " + (d.document().url() == null ? "" : d.document().url())), p);
    }

    private Need byText(String label, Pattern p) {
        return matching(label, d -> AnswerText.normalise(d.document().title() + "\n" + d.document().body()), p);
    }

    private Need matching(String label, Function<StoredDocument, String> text, Pattern p) {
        Set<String> ids = new LinkedHashSet<>();
        for (StoredDocument d : documents) if (p.matcher(text.apply(d)).find()) ids.add(d.id());
        return new Need(label, ids);
    }

    /** The Markdown table: recall@10 per category and overall, BM25 alone vs hybrid, then the needs either index missed. */
    public static String markdown(List<CaseRecall> recalls) {
        StringBuilder sb = new StringBuilder("Retrieval: recall@" + K + " of the documents the answers need (question cases)\n\n");
        sb.append("| category | cases | needs | unpinned facts | BM25 alone | BM25 + vectors |\n|---|---|---|---|---|---|\n");
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(recalls.stream().map(r -> r.evalCase().category()).toList()));
        categories.add("all");
        for (String cat : categories) {
            List<CaseRecall> rows = recalls.stream().filter(r -> cat.equals("all") || r.evalCase().category().equals(cat)).toList();
            int needs = rows.stream().mapToInt(r -> r.needs().size()).sum();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %s | %s |%n", cat, rows.size(), needs,
                    rows.stream().mapToInt(CaseRecall::unpinned).sum(), ratio(rows.stream().mapToInt(CaseRecall::metBm25).sum(), needs),
                    ratio(rows.stream().mapToInt(CaseRecall::metHybrid).sum(), needs)));
        }
        sb.append("\nCases where the two differ or a need is missed (met BM25 / met hybrid / needs):\n");
        for (CaseRecall r : recalls) {
            if (r.needs().isEmpty() || r.metBm25() == r.needs().size() && r.metHybrid() == r.needs().size()) continue;
            sb.append(String.format(Locale.ROOT, "- %s: %d / %d / %d (%s)%n", r.evalCase().id(), r.metBm25(), r.metHybrid(), r.needs().size(),
                    String.join("; ", r.needs().stream().map(Need::label).toList())));
        }
        return sb.toString();
    }

    private static String ratio(int met, int of) {
        return of == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f (%d/%d)", met / (double) of, met, of);
    }
}
