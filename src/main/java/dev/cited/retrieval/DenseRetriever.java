package dev.cited.retrieval;

import dev.cited.index.Embedder;
import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.util.ArrayList;
import java.util.List;

/** Nearest passages by cosine similarity of embeddings, among the passages embedded so far. */
public final class DenseRetriever implements Retriever {
    /** Neighbours searched for per query (Lucene's k, also its beam width); the best k are returned. */
    static final int CANDIDATES = 100;
    private final PassageIndex index;
    private final Embedder embedder;

    public DenseRetriever(PassageIndex index, Embedder embedder) {
        if (!index.hasVectors()) {
            throw new IllegalArgumentException("The index was built without vectors");
        }
        this.index = index;
        this.embedder = embedder;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, int k) {
        if (query.isBlank() || k <= 0) {
            return List.of();
        }
        float[] vector = embedder.embed(query);
        return index.search(searcher -> {
            // Searched wider than asked: HNSW is approximate, and how close it comes depends on how the index is
            // split into segments, which depends on when vectors landed in the background. A wider beam makes
            // the top k the same however the index is split (exactly so below CANDIDATES passages).
            int wide = Math.max(k, CANDIDATES);
            TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, wide), wide);
            List<ScoredPassage> results = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                // Lucene scores cosine as (1 + cos) / 2; report the cosine itself.
                double cosine = 2.0 * hit.score - 1.0;
                index.passage(PassageIndex.idOf(searcher, hit.doc))
                        .ifPresent(p -> results.add(new ScoredPassage(p, cosine, null, cosine)));
            }
            results.sort(Ranking.BEST_FIRST);
            return List.copyOf(results.subList(0, Math.min(k, results.size())));
        });
    }

    @Override
    public String name() {
        return "dense";
    }
}
