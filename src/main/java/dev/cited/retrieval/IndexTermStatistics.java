package dev.cited.retrieval;

import dev.cited.index.IndexFields;
import dev.cited.index.PassageIndex;
import org.apache.lucene.index.Term;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Term statistics read from the passage index (BM25's idf). */
public final class IndexTermStatistics implements TermStatistics {
    private static final int MAX_CACHED_TERMS = 500_000;

    private final PassageIndex index;
    /** idfs of the index as it was at {@code generation}; a change to the index starts a new cache. */
    private volatile Cache cache = new Cache(-1, new ConcurrentHashMap<>(), 0);

    private record Cache(long generation, Map<String, Double> idfs, double unseenIdf) {
    }

    public IndexTermStatistics(PassageIndex index) {
        this.index = index;
    }

    @Override
    public List<String> terms(String text) {
        return index.analyzer().terms(text);
    }

    @Override
    public double idf(String term) {
        Map<String, Double> idfs = current().idfs();
        Double known = idfs.get(term);
        if (known != null) {
            return known;
        }
        double idf = computeIdf(term);
        if (idfs.size() < MAX_CACHED_TERMS) {
            idfs.put(term, idf);
        }
        return idf;
    }

    @Override
    public boolean occurs(String term) {
        return idf(term) < current().unseenIdf(); // a term in no passage gets the highest idf
    }

    private Cache current() {
        Cache c = cache;
        long generation = index.generation();
        if (c.generation() != generation) {
            c = new Cache(generation, new ConcurrentHashMap<>(), computeIdf("\u0000never-a-term"));
            cache = c;
        }
        return c;
    }

    private double computeIdf(String term) {
        return index.search(searcher -> {
            long n = searcher.getIndexReader().numDocs();
            long df = searcher.getIndexReader().docFreq(new Term(IndexFields.TEXT, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
    }
}
