package dev.cited.grounding;

/**
 * Says whether a piece of a document supports a claim. The default reads numbers, names, negation, roles
 * and wording ({@link DefaultClaimVerifier}); a model-based verifier can take its place.
 */
@FunctionalInterface
public interface ClaimVerifier {

    /** @return the verdict on {@code claim} with {@code evidence} as its only support */
    Verdict verify(Claim claim, Evidence evidence);
}
