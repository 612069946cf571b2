package dev.cited.retrieval;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;

import java.util.Collection;
import java.util.OptionalDouble;

/** How close in meaning a sentence of a document is to a query. */
public interface SentenceSimilarity {

    /** For indexes without vectors (BM25 only): no opinion on any sentence. */
    SentenceSimilarity NONE = (query, documentId, sentence) -> OptionalDouble.empty();

    /** Cosine similarity in [-1, 1], or empty when the sentence has no embedding. */
    OptionalDouble similarity(String query, String documentId, Span sentence);

    /** Gets ready to judge the sentences of {@code passages}, all at once (one model pass, say) rather than one by one. */
    default void prepare(Collection<Passage> passages) {
    }
}
