package dev.cited.retrieval;

import dev.cited.index.Embedder;
import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Nearest passages by cosine similarity of embeddings, among the passages embedded so far. */
public final class DenseRetriever implements Retriever {
    /** Neighbours searched for per query (Lucene's k, also its beam width); the best k are returned. */
    static final int CANDIDATES = 100;
    /** Up to this many passages every vector is compared; beyond, HNSW finds the nearest. */
    static final int EXACT_UP_TO = 20_000;
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
            List<ScoredPassage> results = new ArrayList<>();
            int wide = Math.max(k, CANDIDATES); // ties among the last kept are settled by id below
            if (searcher.getIndexReader().numDocs() <= EXACT_UP_TO) {
                exact(searcher, vector, wide, results);
            } else {
                // Searched wider than asked: HNSW is approximate, and how close it comes depends on how the index
                // is split into segments, which depends on when vectors landed in the background.
                TopDocs top = searcher.search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, wide), wide);
                for (ScoreDoc hit : top.scoreDocs) {
                    add(searcher, hit.doc, 2.0 * hit.score - 1.0, results); // Lucene scores cosine as (1 + cos) / 2
                }
            }
            results.sort(Ranking.BEST_FIRST);
            return List.copyOf(results.subList(0, Math.min(k, results.size())));
        });
    }

    /**
     * Every embedded passage compared with the query: exact, so the same question retrieves the same passages
     * however the index happens to be split into segments; one dot product per passage is cheap at this size.
     */
    private void exact(IndexSearcher searcher, float[] query, int wide, List<ScoredPassage> results)
            throws IOException {
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(Comparator.comparingDouble((ScoreDoc d) -> d.score));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    best.add(new ScoreDoc(leaf.docBase + doc,
                            VectorSimilarityFunction.COSINE.compare(query, values.vectorValue())));
                    if (best.size() > wide) {
                        best.poll();
                    }
                }
            }
        }
        for (ScoreDoc hit : best) {
            add(searcher, hit.doc, 2.0 * hit.score - 1.0, results);
        }
    }

    private void add(IndexSearcher searcher, int doc, double cosine, List<ScoredPassage> results) throws IOException {
        index.passage(PassageIndex.idOf(searcher, doc)).ifPresent(p -> results.add(new ScoredPassage(p, cosine, null, cosine)));
    }

    @Override
    public String name() {
        return "dense";
    }
}
