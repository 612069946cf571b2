package dev.cited.eval;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grounding gate CI enforces: a stand-in model, reached over real HTTP through LangChain4j's OpenAI
 * client, writes the claim sets' answers (true paraphrases and planted errors); what reaches the user is
 * scored. The README states the same thresholds.
 */
class ClaimSetEvalTest {

    @Test
    void givenTheClaimSet_whenAnsweredByAStandInModel_thenPlantedErrorsAreCaughtAndTrueClaimsKept() {
        assertMeets(Path.of("eval/claims.jsonl"));
    }

    @Test
    void givenTheHeldOutClaimSet_whenAnsweredByAStandInModel_thenItMeetsTheSameThresholds() {
        assertMeets(Path.of("eval/claims-heldout.jsonl"));
    }

    private static void assertMeets(Path file) {
        List<ClaimCase> cases = ClaimCase.read(file);
        assertTrue(cases.size() >= 40, "at least 40 cases");
        long planted = cases.stream().flatMap(c -> c.sentences().stream()).filter(s -> !s.isTrue()).count();
        long all = cases.stream().mapToLong(c -> c.sentences().size()).sum();
        assertTrue(all - planted >= planted, "at least half the sentences are true");
        try (ScriptedModelServer model = ScriptedModelServer.start(cases, 0);
             CitedEngine engine = CitedEngine.create(CitedConfig.builder().port(0).model(EvalCommand.STAND_IN_MODEL)
                     .build(), model.env())) {
            ClaimReport report = engine.claimEvaluator(5).run(cases);
            System.out.println("== " + file + "\n" + report.format());
            assertEquals(List.of(), ClaimThresholds.CLAIM_SET.misses(report), report.format());
            assertEquals(0, report.silentlyDropped(), "nothing removed goes unlisted");
        }
    }
}
