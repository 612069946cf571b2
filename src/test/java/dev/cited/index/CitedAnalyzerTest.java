package dev.cited.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CitedAnalyzerTest {
    private final CitedAnalyzer analyzer = new CitedAnalyzer();

    @Test
    void givenCurlyAndStraightApostrophes_whenAnalyzed_thenTheTermsAreTheSame() {
        assertEquals(analyzer.terms("North Korea's support"), analyzer.terms("North Korea’s support"));
        assertEquals(List.of("north", "korea", "support"), analyzer.terms("North Korea’s support"));
    }

    @Test
    void givenInflectedWords_whenAnalyzed_thenStemmedAndStopWordsDropped() {
        assertEquals(analyzer.terms("the shells are delivered"), analyzer.terms("shell deliver"));
    }
}
