package dev.cited.chunking;

import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void givenTheSeeds_whenSplit_thenEverySentenceIsExactTrimmedAndInOrder() {
        for (Document d : DocumentLoader.load(Path.of("seeds"))) {
            List<Span> sentences = splitter.split(d.text());
            assertTrue(sentences.size() > 20, d.id());
            int previousEnd = 0;
            for (Span s : sentences) {
                assertTrue(s.start() >= previousEnd, "ordered, not overlapping");
                String text = s.of(d.text());
                assertEquals(text.strip(), text, "trimmed");
                assertFalse(text.isEmpty());
                previousEnd = s.end();
            }
            String rest = d.text();
            for (Span s : sentences) {
                rest = rest.replace(s.of(d.text()), "");
            }
            assertTrue(rest.isBlank(), "sentences cover all the text but whitespace");
        }
    }

    @Test
    void givenAbbreviationsNumbersAndQuotes_whenSplitOnTheSeeds_thenTheyStayInsideTheirSentence() {
        Document ecfr = DocumentLoader.load(Path.of("seeds")).stream()
                .filter(d -> d.id().equals("004_c0a5f909db2a0263")).findFirst().orElseThrow();
        Document dialogue = DocumentLoader.load(Path.of("seeds")).stream()
                .filter(d -> d.id().equals("000_c82d24561d5ead93")).findFirst().orElseThrow();
        assertSentenceContaining(ecfr, "an estimated 6m artillery shells, providing Vladimir Putin");
        assertSentenceContaining(ecfr, "a $14 billion arms deal unveiled by Poland in 2022");
        assertSentenceContaining(dialogue, "U.S. Secretary of State Antony Blinken expressed concerns");
        assertSentenceContaining(ecfr, "“North Korea is providing an enormous amount of, in particular, ammunition to Russia,” Stoltenberg said.");
    }

    @Test
    void givenSyntheticEdgeCases_whenSplit_thenBoundariesAreRight() {
        assertEquals(List.of("The U.S. and the E.U. met.", "It went well."),
                texts("The U.S. and the E.U. met. It went well."));
        assertEquals(List.of("He said “it is over.”", "Then he left."), texts("He said “it is over.” Then he left."));
        assertEquals(List.of("Growth was 1.5 percent.", "Mr. Kim agreed!", "Did he?"),
                texts("Growth was 1.5 percent. Mr. Kim agreed! Did he?"));
        assertEquals(List.of("Headline without stop", "Body text."), texts("Headline without stop\nBody text."));
        assertEquals(List.of("It cost $5m.", "$3m more came later."), texts("It cost $5m. $3m more came later."));
        assertEquals(List.of("As he put it: “We came first. Then nobody else.”", "Next."),
                texts("As he put it: “We came first. Then nobody else.” Next."));
        assertEquals(List.of("An open “quote never closes.", "So it splits."),
                texts("An open “quote never closes. So it splits."));
        assertEquals(List.of("It went to Russia.", "**Russia** sent `jets`.", "_Then_ it stopped."),
                texts("It went to Russia. **Russia** sent `jets`. _Then_ it stopped."));
        assertEquals(List.of("Use a * b. * not a start"), texts("Use a * b. * not a start"));
    }

    private List<String> texts(String text) {
        return splitter.split(text).stream().map(s -> s.of(text)).toList();
    }

    private void assertSentenceContaining(Document d, String phrase) {
        int at = d.text().indexOf(phrase);
        assertTrue(at >= 0, "seed contains " + phrase);
        boolean inside = splitter.split(d.text()).stream()
                .anyMatch(s -> s.start() <= at && at + phrase.length() <= s.end());
        assertTrue(inside, "one sentence holds: " + phrase);
    }
}
