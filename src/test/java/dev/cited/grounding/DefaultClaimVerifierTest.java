package dev.cited.grounding;

import java.util.Map;
import java.util.Set;

/** The default verifier, with the embedding model, against the claim pairs. */
class DefaultClaimVerifierTest extends ClaimVerifierContract {
    /** What it reaches today (README, docs/benchmarks.md), a little below so one new pair does not break it. */
    private static final Map<String, Double> RATES = Map.of("paraphrase", 0.92, "number", 0.9, "name", 0.85,
            "invented", 0.75, "negation", 0.95, "antonym", 0.9, "role", 0.6);

    @Override
    protected ClaimVerifier verifier(GroundingFixture fixture) {
        return fixture.verifier;
    }

    @Override
    protected Set<String> knownMisses() {
        return readKnownMisses("claim-pairs-known-misses.txt");
    }

    @Override
    protected double minimumRate(String kind) {
        return RATES.get(kind);
    }
}
