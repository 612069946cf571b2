package dev.cited.eval;

import dev.cited.answer.TokenListener;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import dev.cited.document.Document;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page check of a question set: a citation covering a question's evidence must carry the page it names. */
class EvaluatorPageTest {
    private static final String PAGE_ONE = "The loop becomes hot after two crossings.";
    private static final String PAGE_TWO = "Traces are compiled to native code.";
    /** Two pages, joined as the PDF loader joins them. */
    private static final Document PAPER = new Document("paper", "Paper", PAGE_ONE + "\n\n" + PAGE_TWO,
            "application/pdf", List.of(0, PAGE_ONE.length() + 2), null);

    @TempDir
    Path dir;

    @Test
    void givenACitationOfTheEvidenceOnTheRightPage_whenEvaluated_thenThePageIsRight() {
        EvalReport report = run(question(2), citation(PAGE_TWO, 2));
        assertEquals(1.0, report.pageAccuracy());
        assertEquals(1.0, report.answerHitRate());
    }

    @Test
    void givenACitationOfTheEvidenceWithAnotherPage_whenEvaluated_thenThePageIsWrongAndListed() {
        EvalReport report = run(question(2), citation(PAGE_TWO, 1));
        assertEquals(0.0, report.pageAccuracy());
        assertEquals(1.0, report.citationPrecision(), "the quote still covers the evidence");
        assertTrue(report.failures().stream().anyMatch(f -> f.contains("cited page 1 for evidence on page 2")),
                report.failures().toString());
    }

    @Test
    void givenAQuoteStartingOnThePageBeforeTheEvidence_whenEvaluated_thenItsPageIsRight() {
        int start = PAPER.text().indexOf("two crossings.");
        Citation spanning = new Citation(1, "paper", "Paper", PAPER.text().substring(start), start,
                PAPER.text().length(), 1);
        EvalReport report = run(question(2), spanning);
        assertEquals(1.0, report.pageAccuracy(), report.failures().toString());
    }

    @Test
    void givenACitationWithoutAPage_whenThePageIsChecked_thenItIsWrong() {
        EvalReport report = run(question(2), citation(PAGE_TWO, null));
        assertEquals(0.0, report.pageAccuracy());
    }

    @Test
    void givenOnlyCitationsBesideTheEvidence_whenEvaluated_thenNoPageIsCheckedButPrecisionCountsThem() {
        EvalReport report = run(question(2), citation(PAGE_ONE, 1));
        assertTrue(Double.isNaN(report.pageAccuracy()), "only citations covering the evidence are checked");
        assertEquals(0.0, report.citationPrecision());
    }

    @Test
    void givenAQuestionWithoutAPage_whenEvaluated_thenPageAccuracyIsNotMeasured() {
        EvalReport report = run(question(null), citation(PAGE_TWO, 1));
        assertTrue(Double.isNaN(report.pageAccuracy()));
        assertTrue(report.format().contains("page accuracy          n/a"), report.format());
        assertEquals(List.of(), EvalThresholds.PROJECT_SET.misses(report).stream()
                .filter(m -> m.startsWith("page")).toList());
    }

    @Test
    void givenAWrongPage_whenHeldToThePdfSetsFloor_thenItIsAMiss() {
        EvalReport report = run(question(2), citation(PAGE_TWO, 1));
        assertTrue(EvalThresholds.PDF_SET.misses(report).contains("page accuracy 0.0% is below 100.0%"),
                EvalThresholds.PDF_SET.misses(report).toString());
    }

    @Test
    void givenLinesWithAndWithoutAPage_whenRead_thenThePageIsOptional() throws Exception {
        Path set = Files.writeString(dir.resolve("pdf.jsonl"), """
                {"id": "a", "question": "Q?", "answer_any": ["x"], "document": "paper", "evidence": ["x"], "page": 3}
                {"id": "b", "question": "Q?", "answer_any": ["x"], "document": "paper", "evidence": ["x"]}
                """);
        List<EvalQuestion> questions = EvalQuestion.read(set);
        assertEquals(3, questions.get(0).page());
        assertNull(questions.get(1).page());
        assertEquals(EvalThresholds.PDF_SET, EvalThresholds.forFile(set));
    }

    @Test
    void givenAPageThatIsNotAPageNumber_whenRead_thenTheLineIsRejected() throws Exception {
        for (String page : List.of("0", "\"3\"", "2.5")) {
            Path set = Files.writeString(dir.resolve("bad.jsonl"),
                    "{\"question\": \"Q?\", \"document\": \"paper\", \"evidence\": [\"x\"], \"page\": " + page + "}\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvalQuestion.read(set));
            assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        }
    }

    private static EvalQuestion question(Integer page) {
        return new EvalQuestion("q", "What are traces compiled to?", null, List.of("native code"), "paper",
                List.of(PAGE_TWO), false, page);
    }

    private static Citation citation(String sentence, Integer page) {
        int start = PAPER.text().indexOf(sentence);
        return new Citation(1, "paper", "Paper", sentence, start, start + sentence.length(), page);
    }

    private static EvalReport run(EvalQuestion question, Citation citation) {
        String answer = citation.quote().replaceAll("\\.$", "") + " [1].";
        AskResult result = new AskResult("c", 1, answer, true, List.of(citation), List.of(), "fixed",
                question.question(), null);
        ConversationService conversations = new ConversationService() {
            @Override
            public AskResult ask(AskRequest request, TokenListener listener) {
                return result;
            }

            @Override
            public boolean hasTurn(String conversationId, String owner, int turn) {
                return false;
            }

            @Override
            public String modelName() {
                return "fixed";
            }
        };
        Retriever nothing = new Retriever() {
            @Override
            public List<ScoredPassage> retrieve(String query, int k) {
                return List.of();
            }

            @Override
            public String name() {
                return "none";
            }
        };
        Map<String, Document> documents = Map.of(PAPER.id(), PAPER);
        return new Evaluator(conversations, nothing, documents::get, 5).run(List.of(question));
    }
}
