package dev.cited.grounding;

/** One thing a supported claim must get right: its numbers, its names, its polarity, who did what. */
interface Check {

    /** The verdict when the claim fails this check, or null when it passes. */
    Verdict failure(Comparison c);

    static Verdict notSupported(String reason) {
        return new Verdict(Verdict.Status.NOT_SUPPORTED, reason, null, 0, Double.NaN);
    }

    static Verdict contradicted(String reason) {
        return new Verdict(Verdict.Status.CONTRADICTED, reason, null, 0, Double.NaN);
    }
}
