package dev.nightjar.skills.radar;

import dev.nightjar.store.StoredDocument;
import java.util.List;
import java.util.Set;

/**
 * Something a paper can be relevant to: an active Linear initiative or project, or a canonical PRD,
 * with its text cut into sentences and embedded once per run.
 *
 * @param whole     the unit vector of title and description together
 * @param sentences the title and each sentence of the description
 * @param vectors   unit vectors of {@code sentences}, same order
 * @param terms     significant words of title and description ({@code Words.significant})
 */
record Target(StoredDocument doc, float[] whole, List<String> sentences, List<float[]> vectors, Set<String> terms) {

    String id() {
        return doc.id();
    }

    String title() {
        return doc.document().title();
    }
}
