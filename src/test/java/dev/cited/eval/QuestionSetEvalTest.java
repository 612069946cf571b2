package dev.cited.eval;

import dev.cited.support.SeedEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quality gate CI enforces: the README states the same thresholds. */
class QuestionSetEvalTest {

    @Test
    void givenThePublicQuestionSet_whenEvaluatedOffline_thenItMeetsItsThresholds() {
        Path file = Path.of("../shared/eval/questions.jsonl");
        Assumptions.assumeTrue(Files.exists(file), "the public set lives in ../shared beside the checkout");
        assertMeets(file, EvalThresholds.PUBLIC_SET);
    }

    @Test
    void givenTheProjectQuestionSet_whenEvaluatedOffline_thenItMeetsItsThresholds() {
        assertMeets(Path.of("eval/questions.jsonl"), EvalThresholds.PROJECT_SET);
    }

    @Test
    void givenTheAdversarialSet_whenEvaluatedOffline_thenNearMissesAbstainAndParaphrasesAreStillAnswered() {
        assertMeets(Path.of("eval/adversarial.jsonl"), EvalThresholds.ADVERSARIAL_SET);
    }

    @Test
    void givenTheHeldOutAdversarialSet_whenEvaluatedOffline_thenItMeetsItsThresholds() {
        assertMeets(Path.of("eval/adversarial-heldout.jsonl"), EvalThresholds.ADVERSARIAL_HELDOUT_SET);
    }

    private static void assertMeets(Path file, EvalThresholds thresholds) {
        EvalReport report = SeedEngine.get().evaluator(5).run(EvalQuestion.read(file));
        System.out.println("== " + file + "\n" + report.format());
        List<String> misses = thresholds.misses(report);
        assertEquals(List.of(), misses, report.format());
    }
}
