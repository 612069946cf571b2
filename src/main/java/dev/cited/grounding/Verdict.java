package dev.cited.grounding;

import dev.cited.citation.Quote;

import java.util.List;

/**
 * What a verifier concluded about one claim.
 *
 * @param status     supported, not supported, or contradicted
 * @param reason     why, in plain words a user can read ("the source says 13,000, not 31,000")
 * @param evidence   the support the verdict is about: what supports the claim, or, when it fails, the
 *                   closest candidate (the one it contradicts); null when nothing came close
 * @param coverage   share of the claim's informative terms the support holds, rare terms weighing most
 * @param similarity cosine similarity of the claim and the support in the embedding model; NaN without one
 */
public record Verdict(Status status, String reason, Evidence evidence, double coverage, double similarity) {

    public enum Status {
        SUPPORTED, NOT_SUPPORTED, CONTRADICTED;

        /** "supported", "not_supported", "contradicted": how the API writes it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean supported() {
        return status == Status.SUPPORTED;
    }

    /** The span(s) that support the claim; empty when it is not supported. */
    public List<Quote> support() {
        return supported() && evidence != null ? List.of(evidence.quote()) : List.of();
    }

    static Verdict supported(Evidence evidence, double coverage, double similarity) {
        return new Verdict(Status.SUPPORTED, "supported by the source", evidence, coverage, similarity);
    }

    Verdict withEvidence(Evidence e, double coverage, double similarity) {
        return new Verdict(status, reason, e, coverage, similarity);
    }
}
