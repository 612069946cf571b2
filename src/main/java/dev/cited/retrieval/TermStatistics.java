package dev.cited.retrieval;

import java.util.List;

/** How the index sees words: analyzed terms and how rare each is, for judging whether text answers a question. */
public interface TermStatistics {

    /** Analyzed (lower-cased, stemmed, stop words removed) terms of {@code text}, in order. */
    List<String> terms(String text);

    /** Inverse document frequency of an analyzed term over passages; highest for terms never seen. */
    double idf(String term);

    /** Whether any passage holds the analyzed term. */
    boolean occurs(String term);
}
