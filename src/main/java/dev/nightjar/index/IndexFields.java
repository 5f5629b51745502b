package dev.nightjar.index;

/** Lucene field names, one place so the writer and the searcher cannot drift apart. */
final class IndexFields {
    static final String ID = "id";                 // StringField: the update term
    static final String SOURCE = "source";         // StringField
    static final String KIND = "kind";             // StringField, "source:kind"
    static final String TITLE = "title";           // TextField; weighted x2 at query time
    static final String BODY = "body";             // text, stored, with offsets (highlights from postings)
    static final String STATE = "state";           // StringField
    static final String PROJECT = "project";       // StringField, multi: linear project/initiative/team ids
    static final String PERSON = "person";         // StringField, multi: author and participant identities
    static final String LABEL = "label";           // StringField, multi
    static final String TRUTH = "truth";           // StringField: canonical|record|working|scratchpad
    static final String FLAG = "flag";             // StringField, multi: stale, superseded
    static final String ACL = "acl";               // StringField, multi: "*" (workspace) or principals
        static final String UPDATED = "updated";       // LongPoint (range filters) + NumericDocValues (recency)
    static final String TRUTH_RANK = "truth_rank"; // NumericDocValues: TruthLevel ordinal
    static final String PENALTY = "penalty";       // NumericDocValues: bit 1 stale, bit 2 superseded
    static final String HIT = "hit";               // BinaryDocValues: id, title, url of a hit (HitFields)
    static final String VECTOR = "vector";         // KnnFloatVectorField, DOT_PRODUCT: unit mean of the chunk vectors
    static final String VECTOR_BYTES = "vector_bytes"; // stored only: the same vector, reused when the text is unchanged
    static final String CONTENT_HASH = "content_hash"; // stored only: SHA-256 of the embedded title and body
    static final String EVERYONE = "*";

    static final String COMMIT_SEQ = "store_change_seq"; // commit user data: last store change indexed
    static final String COMMIT_SCHEMA = "schema";         // commit user data: the field layout it was built with
    static final String COMMIT_VECTORS = "vectors";       // commit user data: the embedding model when every document has a vector, "off" without
    /** Bump when a field's type changes; an index built with another layout is rebuilt on open. */
    static final String SCHEMA_VERSION = "3"; // 3: the hit doc value

    private IndexFields() {
    }
}
