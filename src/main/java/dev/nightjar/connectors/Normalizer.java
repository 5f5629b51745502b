package dev.nightjar.connectors;

import dev.nightjar.model.Normalized;

/** API record → documents, links, people. Pure: no I/O, so it is cheap to test on fixtures. */
@FunctionalInterface
public interface Normalizer {

    /**
     * @throws MalformedRecordException when the record lacks what a document needs; the job skips
     *                                  and reports it instead of failing the whole source
     */
    Normalized normalize(SourceRecord record);
}
