package dev.cited.collection;

import dev.cited.index.IndexProgress;

/**
 * How far the collection is from answering with everything it holds, for /health, /api/ingest and the UI.
 *
 * @param state "reading" (files being read), "indexing" (passages being written), "embedding" (searchable with
 *              BM25, vectors still being built) or "ready"
 */
public record CollectionProgress(String state, Files files, Passages passages, boolean vectors, Double perSecond,
                                 Long secondsLeft) {

    /** Files found in the folder, read so far, and what became of them at the last read. */
    public record Files(int found, int read, int indexed, int skipped, int failed) {
    }

    /** Passages in the index and, of those, how many have their vector. */
    public record Passages(int total, int embedded) {
    }

    static CollectionProgress of(String phase, Files files, IndexProgress index) {
        String state = phase != null ? phase : index.ready() ? "ready" : "embedding";
        return new CollectionProgress(state, files, new Passages(index.passages(), index.embedded()), index.vectors(),
                index.perSecond() == null ? null : Math.round(index.perSecond() * 10) / 10.0, index.secondsLeft());
    }
}
