package dev.cited.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion of BM25 and dense results: score = Σ 1 / (60 + rank). Rank-based, so the two
 * retrievers' incomparable score scales don't matter.
 */
public final class HybridRetriever implements Retriever {
    static final int RRF_K = 60;
    /** Each retriever contributes this many candidates per requested result. */
    static final int CANDIDATES_PER_RESULT = 4;

    private final Retriever lexical;
    private final Retriever dense;

    public HybridRetriever(Retriever lexical, Retriever dense) {
        this.lexical = lexical;
        this.dense = dense;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, int k) {
        return fuse(lexical.retrieve(query, candidates(k)), dense.retrieve(query, candidates(k)), k);
    }

    @Override
    public List<ScoredPassage> retrieve(Query query, int k) {
        return fuse(lexical.retrieve(query, candidates(k)), dense.retrieve(query, candidates(k)), k);
    }

    private List<ScoredPassage> fuse(List<ScoredPassage> lexicalHits, List<ScoredPassage> denseHits, int k) {
        Map<String, Fused> fused = new HashMap<>();
        add(fused, lexicalHits);
        add(fused, denseHits);
        List<ScoredPassage> results = new ArrayList<>();
        for (Fused f : fused.values()) {
            results.add(new ScoredPassage(f.first.passage(), f.score, f.bm25, f.dense));
        }
        results.sort(Ranking.BEST_FIRST);
        return results.size() > k ? List.copyOf(results.subList(0, k)) : results;
    }

    private static int candidates(int k) {
        return Math.max(k * CANDIDATES_PER_RESULT, 20);
    }

    private static void add(Map<String, Fused> fused, List<ScoredPassage> ranked) {
        for (int rank = 0; rank < ranked.size(); rank++) {
            ScoredPassage hit = ranked.get(rank);
            Fused f = fused.computeIfAbsent(hit.passage().id(), id -> new Fused(hit));
            f.score += 1.0 / (RRF_K + rank + 1);
            if (hit.bm25() != null) f.bm25 = hit.bm25();
            if (hit.dense() != null) f.dense = hit.dense();
        }
    }

    private static final class Fused {
        final ScoredPassage first;
        double score;
        Double bm25;
        Double dense;

        Fused(ScoredPassage first) {
            this.first = first;
        }
    }

    @Override
    public String name() {
        return "hybrid";
    }
}
