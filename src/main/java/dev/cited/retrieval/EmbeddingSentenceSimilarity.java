package dev.cited.retrieval;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.index.Embedder;
import dev.cited.index.SentenceVectors;

import java.util.Collection;
import java.util.OptionalDouble;

/** Cosine between the query's embedding and the sentence's, embedded as the index embeds passages. */
public final class EmbeddingSentenceSimilarity implements SentenceSimilarity {
    private final SentenceVectors sentences;
    private final Embedder queries;

    /** @param queries should cache, so the query embedded for retrieval is reused here */
    public EmbeddingSentenceSimilarity(SentenceVectors sentences, Embedder queries) {
        this.sentences = sentences;
        this.queries = queries;
    }

    @Override
    public OptionalDouble similarity(String query, String documentId, Span sentence) {
        return sentences.of(documentId, sentence)
                .map(v -> OptionalDouble.of(SentenceVectors.cosine(queries.embed(query), v)))
                .orElse(OptionalDouble.empty());
    }

    @Override
    public void prepare(Collection<Passage> passages) {
        sentences.prepare(passages);
    }
}
