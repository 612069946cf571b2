package dev.cited.index;

/** Every Lucene field name in one place. */
public final class IndexFields {
    /** Passage id, "{documentId}#{ordinal}": the update key and the tie-breaker. */
    public static final String ID = "id";
    public static final String DOCUMENT_ID = "documentId";
    /** Analyzed passage text for BM25. */
    public static final String TEXT = "text";
    /** Passage embedding for dense retrieval. */
    public static final String VECTOR = "vector";

    private IndexFields() {
    }
}
