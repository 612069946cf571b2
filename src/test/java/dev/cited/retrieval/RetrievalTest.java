package dev.cited.retrieval;

import dev.cited.support.SeedEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetrievalTest {
    private final Retriever hybrid = SeedEngine.get().retriever();
    private final Retriever bm25 = new Bm25Retriever(SeedEngine.get().index());

    @Test
    void givenAKeywordQuery_whenBm25Searches_thenThePassageWithTheFactRanksFirst() {
        List<ScoredPassage> hits = bm25.retrieve("artillery shells", 3);
        assertTrue(hits.get(0).passage().text().contains("6m artillery shells"));
        assertTrue(hits.get(0).bm25() > 0);
    }

    @Test
    void givenCurlyOrStraightApostrophe_whenSearched_thenTheResultsAreTheSame() {
        assertEquals(ids(bm25.retrieve("North Korea’s arms supply", 5)), ids(bm25.retrieve("North Korea's arms supply", 5)));
    }

    @Test
    void givenAParaphraseSharingFewWords_whenHybridSearches_thenTheDenseSideFindsIt() {
        List<ScoredPassage> hits = hybrid.retrieve("How much ammunition has Pyongyang shipped to Moscow?", 5);
        assertTrue(hits.stream().anyMatch(h -> h.passage().text().contains("6m artillery shells")));
        assertTrue(hits.stream().anyMatch(h -> h.dense() != null));
    }

    @Test
    void givenTheSameQuery_whenSearchedTwice_thenTheOrderIsIdenticalAndScoresDescend() {
        List<ScoredPassage> first = hybrid.retrieve("South Korea weapons Ukraine", 8);
        assertEquals(ids(first), ids(hybrid.retrieve("South Korea weapons Ukraine", 8)));
        for (int i = 1; i < first.size(); i++) {
            assertTrue(first.get(i - 1).score() >= first.get(i).score());
        }
    }

    @Test
    void givenAQueryOfOnlyStopWords_whenBm25Searches_thenNothingIsReturned() {
        assertTrue(bm25.retrieve("the of and", 5).isEmpty());
    }

    private static List<String> ids(List<ScoredPassage> hits) {
        return hits.stream().map(h -> h.passage().id()).toList();
    }
}
