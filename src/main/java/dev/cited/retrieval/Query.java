package dev.cited.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * A search query as analysed once, for every stage that needs it: BM25 searches its terms, the answerer judges
 * sentences by the same terms, and both act on its intent. (Its embedding is computed once too, by the caching
 * query embedder that dense retrieval and sentence scoring share.)
 *
 * @param text     the standalone query: the question, or a follow-up's rewrite
 * @param terms    its analyzed terms, in order, as the index analyses passage text
 * @param overview it asks about the collection as a whole ({@link QueryIntent#isOverview})
 */
public record Query(String text, List<String> terms, boolean overview) {
    public Query {
        Objects.requireNonNull(text, "text");
        terms = List.copyOf(terms);
    }
}
