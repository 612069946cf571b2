package dev.cited.index;

/** Every Lucene field name in one place. */
public final class IndexFields {
    /** Passage id, "{documentId}#{ordinal}": the update key and the tie-breaker. */
    public static final String ID = "id";
    public static final String DOCUMENT_ID = "documentId";
    /** Hash of the passage's document (id and text): a later start tells unchanged documents by it. */
    static final String DOCUMENT_HASH = "documentHash";
    /** Analyzed passage text for BM25. */
    public static final String TEXT = "text";
    /** Passage embedding for dense retrieval; absent until the passage has been embedded. */
    public static final String VECTOR = "vector";
    /** Commit data: the settings every stored passage depends on (format, chunking, embedding model). */
    static final String SETTINGS = "cited.settings";

    private IndexFields() {
    }
}
