package dev.cited.index;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embeddings of every sentence, computed once with the index, so answers can be judged sentence by
 * sentence for meaning and not only shared words. Saved beside an on-disk index and reused with it.
 */
public final class SentenceVectors {
    private final Map<String, float[]> vectors;

    private SentenceVectors(Map<String, float[]> vectors) {
        this.vectors = vectors;
    }

    static SentenceVectors compute(Iterable<Passage> passages, Embedder embedder) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Passage passage : passages) {
            for (Span sentence : passage.sentences()) {
                String text = passage.textOf(sentence);
                if (text.codePoints().anyMatch(Character::isLetterOrDigit)) { // "•", "—": nothing to embed
                    texts.putIfAbsent(key(passage.documentId(), sentence), text);
                }
            }
        }
        if (texts.isEmpty()) {
            return new SentenceVectors(new HashMap<>());
        }
        List<String> keys = new ArrayList<>(texts.keySet());
        List<float[]> embedded = ProgressiveEmbedding.embedAll(embedder, new ArrayList<>(texts.values()), "sentences");
        Map<String, float[]> vectors = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            vectors.put(keys.get(i), embedded.get(i));
        }
        return new SentenceVectors(vectors);
    }

    /** These vectors without the sentences of {@code documentIds}, plus freshly embedded ones for {@code passages}. */
    SentenceVectors replacing(java.util.Set<String> documentIds, Iterable<Passage> passages, Embedder embedder) {
        Map<String, float[]> kept = new HashMap<>();
        vectors.forEach((key, vector) -> {
            if (!documentIds.contains(documentIdOf(key))) {
                kept.put(key, vector);
            }
        });
        kept.putAll(compute(passages, embedder).vectors);
        return new SentenceVectors(kept);
    }

    /** The document id of a key "id:start:end" (the id may itself hold ":"). */
    private static String documentIdOf(String key) {
        int end = key.lastIndexOf(':');
        return key.substring(0, key.lastIndexOf(':', end - 1));
    }

    public Optional<float[]> of(String documentId, Span sentence) {
        return Optional.ofNullable(vectors.get(key(documentId, sentence)));
    }

    int size() {
        return vectors.size();
    }

    private static String key(String documentId, Span sentence) {
        return documentId + ":" + sentence.start() + ":" + sentence.end();
    }

    void save(Path file) {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(vectors.size());
            for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (float f : e.getValue()) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save sentence vectors to " + file, e);
        }
    }

    static Optional<SentenceVectors> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            Map<String, float[]> vectors = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                vectors.put(key, v);
            }
            return Optional.of(new SentenceVectors(vectors));
        } catch (IOException e) {
            return Optional.empty(); // damaged: recompute
        }
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
