package dev.cited.retrieval;

import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Term statistics read from the passage index (BM25's idf). */
public final class IndexTermStatistics implements TermStatistics {
    private static final int MAX_CACHED_TERMS = 500_000;

    private final PassageIndex index;
    private final Map<String, Double> idfs = new ConcurrentHashMap<>();
    private final double unseenIdf;

    public IndexTermStatistics(PassageIndex index) {
        this.index = index;
        this.unseenIdf = computeIdf("\u0000never-a-term");
    }

    @Override
    public List<String> terms(String text) {
        return index.analyzer().terms(text);
    }

    @Override
    public double idf(String term) {
        Double known = idfs.get(term);
        if (known != null) {
            return known;
        }
        double idf = computeIdf(term);
        if (idfs.size() < MAX_CACHED_TERMS) {
            idfs.put(term, idf); // the index never changes after start, so neither does a term's idf
        }
        return idf;
    }

    @Override
    public boolean occurs(String term) {
        return idf(term) < unseenIdf; // a term in no passage gets the highest idf
    }

    private double computeIdf(String term) {
        try {
            long n = index.searcher().getIndexReader().numDocs();
            long df = index.searcher().getIndexReader().docFreq(new Term(IndexFields.TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
