package dev.cited.grounding;

import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.retrieval.TermStatistics;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How well a piece of text supports a claim or question: the share of the claim's informative terms
 * (weighted by rarity) that the text contains. Question words such as "who" or "did" carry no weight.
 */
public final class SentenceSupport {
    private static final List<String> QUESTION_WORDS = List.of("what", "which", "who", "whom", "whose", "when",
            "where", "why", "how", "did", "does", "do", "done", "has", "have", "had", "can", "could", "would",
            "should", "may", "might", "much", "many", "one", "ones", "about", "according", "tell", "me", "us",
            "you", "i", "we", "describe", "explain", "kind", "sort", "type", "happen", "happened", "name",
            "named", "mention", "mentioned", "document", "documents", "text", "article", "say", "says", "said",
            "he", "him", "his", "she", "her", "hers", "they", "them", "their", "it", "its", "there", "here");

    /** Enough for every sentence and passage of a large collection; questions are not cached. */
    private static final int MAX_CACHED_TEXTS = 200_000;

    private final TermStatistics statistics;
    private final Map<String, Set<String>> termCache = new ConcurrentHashMap<>();
    /** Words that soften a claim without changing what it says ("around 13,000", "reportedly"). */
    private static final String HEDGES = "around about approximately roughly nearly almost some estimated estimate "
            + "also reportedly allegedly currently recently still just even likely possibly reported according "
            + "further far more than less least most over under up";

    private final Set<String> ignored = new HashSet<>();
    private final Set<String> hedges;

    public SentenceSupport(TermStatistics statistics) {
        this.statistics = statistics;
        QUESTION_WORDS.forEach(w -> ignored.addAll(statistics.terms(w)));
        this.hedges = Set.copyOf(statistics.terms(HEDGES));
    }

    /** The informative terms of a question or claim, without repeats. */
    public Set<String> informativeTerms(String text) {
        return informativeTerms(statistics.terms(text));
    }

    /** The same, of terms already analysed (a query's, analysed once for retrieval). */
    public Set<String> informativeTerms(Collection<String> analyzed) {
        Set<String> terms = new HashSet<>(analyzed);
        terms.removeAll(ignored);
        return terms;
    }

    /**
     * The informative terms of a statement that say something, without hedges ("around 13,000",
     * "reportedly", "also"): empty for "Also." or "Here is what I found:".
     */
    public Set<String> contentTerms(String text) {
        Set<String> terms = informativeTerms(text);
        terms.removeAll(hedges);
        return terms;
    }

    /** How many of {@code wanted} appear nowhere in the documents. */
    public long absentFromDocuments(Set<String> wanted) {
        return wanted.stream().filter(t -> !statistics.occurs(t)).count();
    }

    /** Rarity-weighted share of {@code wanted} found in {@code present}, in [0, 1]. */
    public double coverage(Set<String> wanted, Collection<String> present) {
        double total = 0;
        double found = 0;
        Set<String> have = present instanceof Set<String> s ? s : new HashSet<>(present);
        for (String term : wanted) {
            double weight = statistics.idf(term);
            total += weight;
            if (have.contains(term)) {
                found += weight;
            }
        }
        return total == 0 ? 0 : found / total;
    }

    /** The analyzed terms of a text, unmodifiable; remembered, since the same sentences come up again and again. */
    public Set<String> termsOf(String text) {
        Set<String> terms = termCache.get(text);
        if (terms == null) {
            terms = Set.copyOf(statistics.terms(text));
            if (termCache.size() < MAX_CACHED_TEXTS) {
                termCache.put(text, terms);
            }
        }
        return terms;
    }

    /**
     * The sentence of {@code passage} that best supports {@code claim}; the whole passage when no single
     * sentence shares an informative term with it.
     */
    public Span bestSentence(Passage passage, String claim) {
        Set<String> wanted = informativeTerms(claim);
        Span best = null;
        double bestScore = 0;
        for (Span sentence : passage.sentences()) {
            double score = coverage(wanted, termsOf(passage.textOf(sentence)));
            if (score > bestScore) {
                bestScore = score;
                best = sentence;
            }
        }
        return best != null ? best : new Span(passage.start(), passage.end());
    }
}
