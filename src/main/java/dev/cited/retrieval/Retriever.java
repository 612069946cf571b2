package dev.cited.retrieval;

import java.util.List;

/** Finds the passages most relevant to a query, best first, ties broken by passage id. */
public interface Retriever {

    List<ScoredPassage> retrieve(String query, int k);

    /** "bm25", "dense" or "hybrid". */
    String name();
}
