package dev.cited.retrieval;

/** Analyses a query once: its terms as the index sees words, and its intent. */
public final class QueryAnalyzer {
    private final TermStatistics statistics;

    public QueryAnalyzer(TermStatistics statistics) {
        this.statistics = statistics;
    }

    public Query analyze(String text) {
        return new Query(text, statistics.terms(text), QueryIntent.isOverview(text));
    }
}
