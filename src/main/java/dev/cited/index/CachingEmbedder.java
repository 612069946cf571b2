package dev.cited.index;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the embeddings of recent texts, so a question embedded for dense retrieval is not embedded
 * again when its answer sentences are scored. Bounded: least recently used entries go first.
 */
public final class CachingEmbedder implements Embedder {
    private final Embedder delegate;
    private final Map<String, float[]> cache;

    public CachingEmbedder(Embedder delegate, int capacity) {
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] hit = cache.get(text);
            if (hit != null) {
                return hit;
            }
        }
        float[] vector = delegate.embed(text); // outside the lock: embedding takes milliseconds
        synchronized (cache) {
            cache.put(text, vector);
        }
        return vector;
    }
}
