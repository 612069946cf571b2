package dev.cited.eval;

import java.util.ArrayList;
import java.util.List;

/** The minimum scores of the claim set; the README states the same numbers. */
public record ClaimThresholds(double claimPrecision, double plantedCaught, double trueRetained, double reattributed) {

    /** CI's gate for eval/claims.jsonl, with the stand-in model. */
    public static final ClaimThresholds CLAIM_SET = new ClaimThresholds(0.95, 0.95, 0.95, 0.90);

    public List<String> misses(ClaimReport r) {
        List<String> misses = new ArrayList<>();
        Floors.check(misses, "claim precision", r.claimPrecision(), claimPrecision);
        Floors.check(misses, "planted errors caught", r.plantedCaught(), plantedCaught);
        Floors.check(misses, "true claims kept", r.trueRetained(), trueRetained);
        Floors.check(misses, "wrong passage fixed", r.reattributed(), reattributed);
        if (r.silentlyDropped() > 0) {
            misses.add(r.silentlyDropped() + " statements were dropped without being listed as unsupported");
        }
        return misses;
    }

}
