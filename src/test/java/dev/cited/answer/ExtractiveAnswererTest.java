package dev.cited.answer;

import dev.cited.retrieval.SentenceSimilarity;
import dev.cited.support.SeedEngine;
import dev.cited.support.SeedGrounding;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractiveAnswererTest extends AnswererContract {
    private final Answerer answerer = new ExtractiveAnswerer(SeedGrounding.support(),
            SeedEngine.get().index().sentenceVectors()
                    .<SentenceSimilarity>map(v -> new dev.cited.retrieval.EmbeddingSentenceSimilarity(v,
                            dev.cited.llm.OnnxEmbedder.forQueries(dev.cited.llm.EmbeddingChoice.BGE_SMALL)))
                    .orElseThrow(), ExtractiveAnswerer.DEFAULT_MIN_SCORE, SeedGrounding.verifier(),
            SeedGrounding.evidence());

    @Override
    protected Answerer answerer() {
        return answerer;
    }

    @Test
    void givenTemptingWordOverlap_whenTheKeyFactIsMissing_thenItStillAbstains() {
        for (String question : List.of("Who is the president of France?", "When was NATO founded?",
                "How many troops does the EU have stationed in Korea?", "What is the population of Seoul?",
                "How much does Russia pay North Korea per artillery shell?")) {
            Answer answer = ask(question);
            assertFalse(answer.grounded(), question + " -> " + answer.text());
        }
    }

    @Test
    void givenAQuestionAfterOneFact_whenTheOnlySentenceHoldingSuchAFactIsAboutSomethingElse_thenItAbstains() {
        // "$14 billion" prices Poland's deal, not Seoul's shells; the sentence about the company names none.
        for (String question : List.of(
                "What was the dollar value of Seoul's deal to send 155mm shells to the United States?",
                "What is the name of the South Korean company bidding to build submarines for Poland?")) {
            Answer answer = ask(question);
            assertFalse(answer.grounded(), question + " -> " + answer.text());
        }
    }

    @Test
    void givenAQuestionAboutHowThingsWereBefore_whenTheDocumentsOnlySayHowTheyAreNow_thenItAbstains() {
        for (String question : List.of("Who was NATO secretary-general before Jens Stoltenberg?",
                "What job did Andrius Kubilius hold before becoming EU defence commissioner?")) {
            Answer answer = ask(question);
            assertFalse(answer.grounded(), question + " -> " + answer.text());
        }
        Answer before = ask("Which capital was Kim almost entirely reliant on before the war let him play the two powers"
                + " against each other?");
        assertTrue(before.text().contains("Beijing"), "a sentence that speaks of before still answers: " + before.text());
    }

    @Test
    void givenAQuestionAfterOneFact_whenASentenceHoldsItAboutTheSameThing_thenItAnswers() {
        assertTrue(ask("What is the name of the South Korean defence minister Borrell also met?").text()
                .contains("Kim Yong-hyun"));
        assertTrue(ask("How many 155mm shells did Seoul agree to send to the United States?").text()
                .contains("half a million"));
        assertTrue(ask("What is Pyongyang's most sophisticated short-range ballistic missile called?").text()
                .contains("Hwasong 11"));
    }

    @Test
    void givenAQuestionMostlyAboutThingsTheDocumentsNeverMention_whenAnswered_thenItAbstains() {
        Answer answer = ask("What did Borrell say about climate change?");
        assertFalse(answer.grounded(), answer.text());
    }

    @Test
    void givenAQuestionAboutTheWholeCollection_whenAnswered_thenItQuotesTheOpeningOfEachDocument() {
        String question = "What are the documents about?";
        List<dev.cited.retrieval.ScoredPassage> openings = SeedEngine.get().retriever().retrieve(question, 5);
        assertEquals(2, openings.size());
        openings.forEach(p -> assertEquals(0, p.passage().ordinal()));
        Answer answer = answerer.answer(new AnswerContext(question, SeedEngine.get().queryAnalyzer().analyze(question), List.of(), openings), t -> { });
        assertTrue(answer.grounded());
        assertEquals(2, answer.citations().stream().map(c -> c.documentId()).distinct().count(), answer.text());
        assertCitationsValid(answer, openings);
    }

    @Test
    void givenAQuestion_whenAnswered_thenTheMarkerSitsInsideTheSentenceItSupports() {
        Answer answer = ask("What condition were some of the shells delivered by Pyongyang in?");
        assertTrue(answer.text().contains("poor condition"), answer.text());
        assertTrue(answer.text().endsWith("munitions [1]."), answer.text());
        assertEquals(1, answer.citations().size());
    }

    @Test
    void givenANearMissQuestion_whenTheBestSentenceContradictsIt_thenItAbstainsAndSaysWhatDiffers() {
        Answer answer = ask("How many shipping containers has Russia sent to North Korea?");

        assertFalse(answer.grounded());
        assertTrue(answer.citations().isEmpty());
        assertTrue(answer.text().startsWith(Answer.ABSTENTION_START), answer.text());
        assertTrue(answer.text().contains("“to North Korea”") && answer.text().contains("“from North Korea”"),
                answer.text());
    }

    @Test
    void givenAFaithfulParaphraseOfThatSentence_whenAsked_thenItIsAnswered() {
        Answer answer = ask("How many shipping containers has North Korea sent to Russia?");

        assertTrue(answer.grounded(), answer.text());
        assertTrue(answer.text().contains("13,000"), answer.text());
    }

    @Nested
    class WithoutEmbeddings extends AnswererContract {
        private final Answerer lexical = new ExtractiveAnswerer(SeedGrounding.support(), SentenceSimilarity.NONE,
                ExtractiveAnswerer.DEFAULT_MIN_SCORE, SeedGrounding.lexicalVerifier(), SeedGrounding.evidence());

        @Override
        protected Answerer answerer() {
            return lexical;
        }
    }
}
