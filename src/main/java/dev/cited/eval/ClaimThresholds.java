package dev.cited.eval;

import java.util.ArrayList;
import java.util.List;

/** The minimum scores of the claim set; the README states the same numbers. */
public record ClaimThresholds(double claimPrecision, double plantedCaught, double trueRetained, double reattributed) {

    /** CI's gate for eval/claims.jsonl, with the stand-in model. */
    public static final ClaimThresholds CLAIM_SET = new ClaimThresholds(0.95, 0.95, 0.95, 0.90);

    public List<String> misses(ClaimReport r) {
        List<String> misses = new ArrayList<>();
        check(misses, "claim precision", r.claimPrecision(), claimPrecision);
        check(misses, "planted errors caught", r.plantedCaught(), plantedCaught);
        check(misses, "true claims kept", r.trueRetained(), trueRetained);
        check(misses, "wrong passage fixed", r.reattributed(), reattributed);
        if (r.silentlyDropped() > 0) {
            misses.add(r.silentlyDropped() + " statements were dropped without being listed as unsupported");
        }
        return misses;
    }

    private static void check(List<String> misses, String name, double value, double minimum) {
        if (!Double.isNaN(value) && value < minimum) {
            misses.add(String.format(java.util.Locale.ROOT, "%s %.1f%% is below %.1f%%", name, value * 100, minimum * 100));
        }
    }
}
