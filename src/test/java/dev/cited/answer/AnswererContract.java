package dev.cited.answer;

import dev.cited.citation.Citation;
import dev.cited.citation.CitationAssembler;
import dev.cited.document.Document;
import dev.cited.retrieval.ScoredPassage;
import dev.cited.support.SeedEngine;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules every {@link Answerer} keeps; each implementation's test extends this. */
abstract class AnswererContract {

    protected abstract Answerer answerer();

    protected Answer ask(String question) {
        List<ScoredPassage> passages = SeedEngine.get().retriever().retrieve(question, 5);
        StringBuilder streamed = new StringBuilder();
        Answer answer = answerer().answer(new AnswerContext(question, SeedEngine.get().queryAnalyzer().analyze(question), List.of(), passages), streamed::append);
        assertFalse(streamed.isEmpty(), "text reaches the listener");
        assertCitationsValid(answer, passages);
        return answer;
    }

    @Test
    void givenAnAnswerableQuestion_whenAnswered_thenGroundedWithExactQuotesFromTheRetrievedPassages() {
        Answer answer = ask("How many artillery shells has North Korea sent to Russia?");
        assertTrue(answer.grounded());
        assertFalse(answer.citations().isEmpty());
        assertTrue(answer.text().contains("6m"), answer.text());
    }

    @Test
    void givenAQuestionTheDocumentsDoNotAnswer_whenAnswered_thenItAbstainsAndCitesNothing() {
        for (String question : List.of("What is the capital of Brazil?", "Who won the 2022 World Cup?")) {
            Answer answer = ask(question);
            assertFalse(answer.grounded(), question);
            assertEquals(List.of(), answer.citations());
            assertTrue(answer.text().contains("documents don't say"), answer.text());
        }
    }

    @Test
    void givenNoPassages_whenAnswered_thenItAbstains() {
        Answer answer = answerer().answer(new AnswerContext("Anything?", SeedEngine.get().queryAnalyzer().analyze("Anything?"), List.of(), List.of()), t -> { });
        assertFalse(answer.grounded());
        assertEquals(List.of(), answer.citations());
    }

    static void assertCitationsValid(Answer answer, List<ScoredPassage> passages) {
        Set<Integer> markers = new HashSet<>(CitationAssembler.markersIn(answer.text()));
        Set<Integer> numbers = new HashSet<>();
        for (Citation c : answer.citations()) {
            Document d = SeedEngine.document(c.documentId());
            assertEquals(d.text().substring(c.start(), c.end()), c.quote(), "quote is exactly the document text");
            assertTrue(passages.stream().anyMatch(p -> p.passage().documentId().equals(c.documentId())
                    && p.passage().start() <= c.start() && c.end() <= p.passage().end()), "inside a retrieved passage");
            numbers.add(c.marker());
        }
        assertEquals(markers, numbers, "every marker has its citation and every citation is referenced");
    }
}
