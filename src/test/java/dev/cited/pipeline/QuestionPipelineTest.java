package dev.cited.pipeline;

import dev.cited.answer.HistoryTurn;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.support.SeedEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionPipelineTest {
    private final QuestionPipeline pipeline = SeedEngine.get().pipeline();

    @Test
    void givenTheHistoryAsAClientSendsIt_whenAFollowUpIsAnswered_thenItIsRewrittenFromThatHistoryAlone() {
        List<HistoryTurn> history = List.of(new HistoryTurn("Who is Jens Stoltenberg?", "He is NATO's secretary general."));
        GroundedAnswer answer = pipeline.answer(new Question("What did he say about North Korea?", history));
        assertTrue(answer.searchQuery().contains("Stoltenberg"), answer.searchQuery());
        assertTrue(answer.answer().grounded(), answer.answer().text());
        assertTrue(answer.answer().text().contains("ammunition"), answer.answer().text());
        assertEquals("extractive", answer.model());
    }

    @Test
    void givenTheSameQuestion_whenAskedOfThePipelineAndOfAConversation_thenTheAnswersAreTheSame() {
        String question = "How many artillery shells has North Korea sent to Russia?";
        GroundedAnswer direct = pipeline.answer(Question.of(question));
        AskResult remembered = SeedEngine.get().conversations().ask(AskRequest.of(question));
        assertEquals(direct.answer().text(), remembered.answer());
        assertEquals(direct.answer().citations(), remembered.citations());
        assertEquals(direct.searchQuery(), remembered.searchQuery());
    }

    @Test
    void givenAQuestionAboutTheCollection_whenAnalysed_thenItsIntentAndTermsAreWorkedOutOnce() {
        var query = SeedEngine.get().queryAnalyzer().analyze("What are the documents about?");
        assertTrue(query.overview());
        var answer = pipeline.answer(Question.of("What are the documents about?"));
        assertEquals(2, answer.answer().citations().stream().map(c -> c.documentId()).distinct().count());
        assertTrue(SeedEngine.get().queryAnalyzer().analyze("North Korea's shells").terms().contains("shell"));
    }

    @Test
    void givenTheHeuristicRewriter_whenTheFollowUpNeedsNoContext_thenItIsLeftAlone() {
        HeuristicQueryRewriter rewriter = new HeuristicQueryRewriter();
        List<HistoryTurn> history = List.of(new HistoryTurn("Who is Kyrylo Budanov?", "a"));
        assertEquals("Which country did he name as Russia's most important partner? (Kyrylo Budanov)",
                rewriter.rewrite("Which country did he name as Russia's most important partner?", history));
        assertEquals("What did the EU and South Korea sign in Seoul last week?",
                rewriter.rewrite("What did the EU and South Korea sign in Seoul last week?", history));
        assertEquals("Anything?", rewriter.rewrite("Anything?", List.of()));
    }

    @Test
    void givenAnEarlierRewrite_whenTheNextFollowUpLeansOnIt_thenItsSearchQueryCarriesTheContextOn() {
        HeuristicQueryRewriter rewriter = new HeuristicQueryRewriter();
        List<HistoryTurn> history = List.of(new HistoryTurn("What did he say?", "What did he say? (Budanov)", "a"));
        assertEquals("And then? (Budanov)", rewriter.rewrite("And then?", history));
    }
}
