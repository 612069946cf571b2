package dev.cited.retrieval;

import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** BM25 over the analyzed passage text. */
public final class Bm25Retriever implements Retriever {
    private static final Sort SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE,
            new SortField(IndexFields.ID, SortField.Type.STRING));

    private final PassageIndex index;

    public Bm25Retriever(PassageIndex index) {
        this.index = index;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, int k) {
        return search(index.analyzer().terms(query), k);
    }

    @Override
    public List<ScoredPassage> retrieve(Query query, int k) {
        return search(query.terms(), k);
    }

    private List<ScoredPassage> search(List<String> analyzed, int k) {
        LinkedHashSet<String> terms = new LinkedHashSet<>(analyzed);
        if (terms.isEmpty() || k <= 0) {
            return List.of();
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        terms.forEach(t -> builder.add(new TermQuery(new Term(IndexFields.TEXT, t)), BooleanClause.Occur.SHOULD));
        return index.search(searcher -> {
            TopFieldDocs top = searcher.search(builder.build(), k, SCORE_THEN_ID, true);
            List<ScoredPassage> results = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                // a passage removed since this snapshot was taken is left out
                index.passage(PassageIndex.idOf(searcher, hit.doc))
                        .ifPresent(p -> results.add(new ScoredPassage(p, hit.score, (double) hit.score, null)));
            }
            return results;
        });
    }

    @Override
    public String name() {
        return "bm25";
    }
}
