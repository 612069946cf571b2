package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings of the sentences of every embedded passage, so answers can be judged sentence by sentence for
 * meaning and not only shared words. A live view: sentences join as their passages are embedded in the
 * background, and a sentence without a vector yet simply has no opinion. Stored with each passage in the
 * index, so a restart reloads them instead of embedding again.
 */
public final class SentenceVectors {
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    SentenceVectors() {
    }

    public Optional<float[]> of(String documentId, Span sentence) {
        return Optional.ofNullable(vectors.get(key(documentId, sentence)));
    }

    int size() {
        return vectors.size();
    }

    boolean has(String documentId, Span sentence) {
        return vectors.containsKey(key(documentId, sentence));
    }

    void put(String documentId, Span sentence, float[] vector) {
        vectors.put(key(documentId, sentence), vector);
    }

    /** Forgets the sentences of {@code documentIds} (changed or removed documents). */
    void removeDocuments(Set<String> documentIds) {
        if (!documentIds.isEmpty()) {
            vectors.keySet().removeIf(key -> documentIds.contains(documentIdOf(key)));
        }
    }

    /** The sentences of a passage worth embedding: "•" or "—" alone has nothing to embed. */
    static boolean worthEmbedding(String sentence) {
        return sentence.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The vectors of {@code passage}'s sentences, as stored beside its own vector: [count, (start, end, dim, floats)…]. */
    BytesRef encode(Passage passage) {
        Map<Span, float[]> own = new LinkedHashMap<>();
        for (Span sentence : passage.sentences()) {
            of(passage.documentId(), sentence).ifPresent(v -> own.put(sentence, v));
        }
        int bytes = Integer.BYTES;
        for (float[] v : own.values()) {
            bytes += 3 * Integer.BYTES + v.length * Float.BYTES;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(own.size());
        own.forEach((span, v) -> {
            out.putInt(span.start()).putInt(span.end()).putInt(v.length);
            for (float f : v) {
                out.putFloat(f);
            }
        });
        return new BytesRef(out.array());
    }

    /** Loads what {@link #encode} stored for a passage of {@code documentId}. */
    void decode(String documentId, BytesRef stored) {
        ByteBuffer in = ByteBuffer.wrap(stored.bytes, stored.offset, stored.length);
        int count = in.getInt();
        for (int i = 0; i < count; i++) {
            Span span = new Span(in.getInt(), in.getInt());
            float[] v = new float[in.getInt()];
            for (int j = 0; j < v.length; j++) {
                v[j] = in.getFloat();
            }
            vectors.putIfAbsent(key(documentId, span), v);
        }
    }

    private static String key(String documentId, Span sentence) {
        return documentId + ":" + sentence.start() + ":" + sentence.end();
    }

    /** The document id of a key "id:start:end" (the id may itself hold ":"). */
    private static String documentIdOf(String key) {
        int end = key.lastIndexOf(':');
        return key.substring(0, key.lastIndexOf(':', end - 1));
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
