package dev.cited.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Embeddings of the sentences of the passages a question retrieved, so answers can be judged sentence by
 * sentence for meaning and not only shared words. Computed when a question first needs them, in one model
 * pass per question ({@link #prepare}), and kept in a bounded cache: only a few passages per question are ever
 * read sentence by sentence, so embedding every sentence of a collection up front (five times the texts of
 * its passages) would make ingestion several times slower and hold hundreds of megabytes for nothing
 * (measured in docs/benchmarks.md). Keyed by the sentence's text, which is all its vector depends on: a
 * changed document cannot leave a stale vector behind, and a sentence two documents share is embedded once.
 */
public final class SentenceVectors {
    /** Sentences kept (about 1.6 kB each at 384 dimensions): the passages of some hundreds of questions. */
    static final int MAX_CACHED = 32_768;

    private final Embedder embedder;
    /** The text of a sentence of a document in the index, or null when the document is not (any longer) there. */
    private final BiFunction<String, Span, String> texts;
    private final Cache<String, float[]> vectors = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    SentenceVectors(Embedder embedder, BiFunction<String, Span, String> texts) {
        this.embedder = embedder;
        this.texts = texts;
    }

    /** The vector of one sentence, embedded now when it is not cached; empty for a sentence with nothing to embed. */
    public Optional<float[]> of(String documentId, Span sentence) {
        String text = texts.apply(documentId, sentence);
        if (text == null || !worthEmbedding(text)) {
            return Optional.empty();
        }
        return Optional.of(vectors.get(text, embedder::embed));
    }

    /** Embeds, in one model pass, the sentences of {@code passages} not cached yet. */
    public void prepare(Collection<Passage> passages) {
        Set<String> missing = new LinkedHashSet<>(); // passages overlap: each sentence once
        for (Passage passage : passages) {
            for (Span sentence : passage.sentences()) {
                String text = passage.textOf(sentence);
                if (worthEmbedding(text) && vectors.getIfPresent(text) == null) {
                    missing.add(text);
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(missing);
        List<float[]> embedded = embedder.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            vectors.put(texts.get(i), embedded.get(i));
        }
    }

    /** How many sentence vectors are cached. */
    long cached() {
        vectors.cleanUp();
        return vectors.estimatedSize();
    }

    /** A sentence worth embedding: "•" or "—" alone has nothing to embed. */
    static boolean worthEmbedding(String sentence) {
        return sentence.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Cosine similarity of two vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
