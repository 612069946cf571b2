package dev.cited.index;

import java.util.List;

/** Turns text into a dense vector; implemented by an in-process embedding model. */
public interface Embedder {

    /** Model name, part of the on-disk index fingerprint. */
    String name();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
