package dev.cited.retrieval;

import java.util.Comparator;

/** The one ordering of results: score descending, then passage id, so equal scores rank deterministically. */
final class Ranking {
    static final Comparator<ScoredPassage> BEST_FIRST = Comparator
            .comparingDouble(ScoredPassage::score).reversed()
            .thenComparing(p -> p.passage().id());

    private Ranking() {
    }
}
