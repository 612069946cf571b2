package dev.cited.retrieval;

import java.util.List;

/** Finds the passages most relevant to a query, best first, ties broken by passage id. */
public interface Retriever {

    List<ScoredPassage> retrieve(String query, int k);

    /** The same for a query already analysed: a retriever that needs its terms or intent reads them from it. */
    default List<ScoredPassage> retrieve(Query query, int k) {
        return retrieve(query.text(), k);
    }

    /** "bm25", "dense" or "hybrid". */
    String name();
}
