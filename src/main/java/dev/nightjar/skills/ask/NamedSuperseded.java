package dev.nightjar.skills.ask;

import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.SearchHit;
import dev.nightjar.index.SearchRequest;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.FactSheet;
import dev.nightjar.skills.Words;
import dev.nightjar.store.StoredDocument;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A question that names a superseded document ("What did the draft neural reranker PRD say?") is told
 * first that it is superseded and by what: its values are not current, and the answer below it states
 * the current document's. A question names a document when every significant word of the document's
 * title is in the question.
 */
final class NamedSuperseded {

    static final String SECTION = "Asked about";
    /**
     * At most this many superseded documents are looked at, the most recent and truest first. A company replaces a
     * page now and then, so this is all of them for years; the list is read from the index's doc values.
     */
    static final int MOST_SUPERSEDED = 1_000;

    private final Corpus corpus;
    private final DocumentIndex index;

    NamedSuperseded(Corpus corpus, DocumentIndex index) {
        this.corpus = corpus;
        this.index = index;
    }

    /** Superseded documents the question names, as the first facts of {@code sheet}, each cited with its successor. */
    void state(String question, FactSheet sheet) {
        Set<String> asked = Words.significant(question);
        if (asked.isEmpty()) return;
        // No text search: the superseded documents this reader may see are listed by the index's flag filter (a few
        // among many) and kept when the question names their title. A text query over the question cost a parse,
        // a rewrite and term look-ups per answer (7 % of an answer at 100k documents, BENCHMARKS.md figure 7).
        List<String> ids = index.search(SearchRequest.of(null, MOST_SUPERSEDED).supersededOnly().visibleTo(corpus.viewer().searchFilter()))
                .stream().filter(hit -> hit.title() == null || asked.containsAll(Words.significant(hit.title())))
                .map(SearchHit::id).toList();
        if (ids.isEmpty()) return;
        for (StoredDocument old : corpus.findAll(ids)) {
            if (!old.superseded()) continue; // the store's flag: the truth refresher may have set it after the document was indexed
            Set<String> title = Words.significant(old.document().title());
            if (title.isEmpty() || !asked.containsAll(title)) continue;
            Optional<StoredDocument> by = old.supersededBy() == null ? Optional.empty() : corpus.find(old.supersededBy());
            if (by.isPresent()) {
                sheet.add(SECTION, old.document().title() + " is superseded by " + by.get().document().title()
                        + "; its dates and targets are not current (the current ones follow).", old, by.get());
            } else {
                sheet.add(SECTION, old.document().title() + " is superseded; its dates and targets are not current.", old);
            }
        }
    }
}
