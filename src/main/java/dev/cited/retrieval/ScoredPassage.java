package dev.cited.retrieval;

import dev.cited.chunking.Passage;

/**
 * A retrieved passage.
 *
 * @param score  the ranking score of the retriever that returned it (fused: reciprocal rank fusion)
 * @param bm25   its BM25 score, or null when BM25 did not return it
 * @param dense  its cosine similarity to the query, or null when dense retrieval did not return it
 */
public record ScoredPassage(Passage passage, double score, Double bm25, Double dense) {
}
