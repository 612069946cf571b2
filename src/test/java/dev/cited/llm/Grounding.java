package dev.cited.llm;

import dev.cited.app.CitedEngine;
import dev.cited.chunking.Passage;
import dev.cited.chunking.Span;
import dev.cited.citation.Citation;
import dev.cited.citation.CitationAssembler;
import dev.cited.conversation.AskResult;
import dev.cited.pipeline.DefaultQuestionPipeline;
import dev.cited.document.Document;
import dev.cited.retrieval.ScoredPassage;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks shared by the model-path tests: what the prompt numbered, and where each citation points. */
final class Grounding {
    private Grounding() {
    }

    /** What the engine retrieves for {@code searchQuery}: the passages it must send as [1]..[k], in order. */
    static List<Passage> retrieved(CitedEngine engine, String searchQuery) {
        return engine.retriever().retrieve(searchQuery, DefaultQuestionPipeline.PASSAGES_PER_QUESTION).stream()
                .map(ScoredPassage::passage).toList();
    }

    /** The prompt numbers exactly these passages [1]..[k], each with its title and exact text. */
    static void assertPromptNumbers(String prompt, List<Passage> passages) {
        assertFalse(passages.isEmpty(), "something must be retrieved");
        int previous = -1;
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            String block = "[" + (i + 1) + "] (" + p.documentTitle() + ")\n" + p.text();
            int at = prompt.indexOf(block);
            assertTrue(at >= 0, "passage " + p.id() + " is sent as [" + (i + 1) + "]");
            assertTrue(at > previous, "passages are numbered in retrieval order");
            previous = at;
        }
        assertFalse(prompt.contains("[" + (passages.size() + 1) + "] ("), "no passage beyond [k] is sent");
    }

    /** The answer contract: markers 1..m in the text, one citation each, each quote exact. */
    static void assertContract(AskResult result, CitedEngine engine) {
        List<Integer> used = CitationAssembler.markersIn(result.answer());
        List<Integer> markers = result.citations().stream().map(Citation::marker).toList();
        assertEquals(IntStream.rangeClosed(1, markers.size()).boxed().toList(), markers, "citations numbered 1..m");
        assertEquals(new TreeSet<>(markers), new TreeSet<>(used), "every [n] has its citation and every citation is used");
        assertEquals(result.grounded(), !markers.isEmpty(), "grounded exactly when something is cited");
        for (Citation c : result.citations()) {
            Document document = engine.index().document(c.documentId()).orElseThrow();
            assertEquals(document.text().substring(c.start(), c.end()), c.quote(), "quote is the document text");
            assertEquals(document.title(), c.title());
        }
    }

    /** {@code citation} quotes from inside {@code passage}. */
    static void assertWithin(Citation citation, Passage passage) {
        assertEquals(passage.documentId(), citation.documentId(), "cites the document of the passage sent");
        assertTrue(passage.start() <= citation.start() && citation.end() <= passage.end(),
                "quote [" + citation.start() + "," + citation.end() + ") lies inside passage " + passage.id()
                        + " [" + passage.start() + "," + passage.end() + ")");
    }

    /** The passage's most distinctive sentence: the longest, so no other sentence of it covers its words. */
    static String longestSentence(Passage passage) {
        Span span = passage.sentences().stream()
                .filter(s -> s.start() >= passage.start() && s.end() <= passage.end())
                .max(Comparator.comparingInt(s -> s.end() - s.start())).orElseThrow();
        return passage.textOf(span).strip();
    }

    static Citation citation(AskResult result, int marker) {
        return result.citations().stream().filter(c -> c.marker() == marker).findFirst().orElseThrow();
    }
}
