package dev.cited.retrieval;

import dev.cited.index.Embedder;
import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Nearest passages by cosine similarity of embeddings. */
public final class DenseRetriever implements Retriever {
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
        try {
            TopDocs top = index.searcher().search(new KnnFloatVectorQuery(IndexFields.VECTOR, vector, k), k);
            List<ScoredPassage> results = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                // Lucene scores cosine as (1 + cos) / 2; report the cosine itself.
                double cosine = 2.0 * hit.score - 1.0;
                index.passage(index.idOf(hit.doc)).ifPresent(p -> results.add(new ScoredPassage(p, cosine, null, cosine)));
            }
            results.sort(Ranking.BEST_FIRST);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "dense";
    }
}
