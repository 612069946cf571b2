package dev.cited.grounding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds what supports a claim among the candidate supports of the passages sent: preferably in a passage
 * the claim cited; otherwise in any other passage sent (a true claim cited with the wrong number is
 * re-attributed); otherwise the claim is unsupported, with the reason found at its closest candidate.
 */
public final class SupportFinder {
    /** A two-sentence support must beat a one-sentence one by this much: a shorter quote is a better citation. */
    static final double PAIR_PENALTY = 0.05;
    /** Among failures, the cited passage's is reported unless another candidate is closer by more than this. */
    static final double CITED_FAILURE_MARGIN = 0.15;

    /**
     * Besides the cited passage's, how many candidates are verified: those sharing most of the claim's words.
     * A claim's support shares its words (names, numbers, rare terms); checking the other forty costs time
     * and finds nothing.
     */
    static final int MAX_OTHERS = 10;

    private final ClaimVerifier verifier;
    private final SentenceSupport terms;

    public SupportFinder(ClaimVerifier verifier, SentenceSupport terms) {
        this.verifier = verifier;
        this.terms = terms;
    }

    /**
     * @param cited the numbers of the passages the claim's markers named (empty when it had none)
     * @return a supported verdict with its evidence, or the most telling failure
     */
    public Verdict find(Claim claim, List<Evidence> candidates, Set<Integer> cited) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Evidence e : worthChecking(claim, candidates, cited)) {
            verdicts.add(verifier.verify(claim, e));
        }
        Comparator<Verdict> best = Comparator.comparingDouble(SupportFinder::score);
        List<Verdict> supported = verdicts.stream().filter(Verdict::supported).toList();
        List<Verdict> supportedInCited = supported.stream().filter(v -> inCited(v, cited)).toList();
        if (!supportedInCited.isEmpty()) {
            return supportedInCited.stream().max(best).orElseThrow();
        }
        if (!supported.isEmpty()) {
            return supported.stream().max(best).orElseThrow();
        }
        Verdict closest = verdicts.stream().max(Comparator.comparingDouble(SupportFinder::closeness)).orElse(null);
        if (closest == null) {
            return new Verdict(Verdict.Status.NOT_SUPPORTED, "nothing was found to check it against", null, 0, Double.NaN);
        }
        Verdict closestCited = verdicts.stream().filter(v -> inCited(v, cited))
                .max(Comparator.comparingDouble(SupportFinder::closeness)).orElse(null);
        if (closestCited != null && closeness(closest) - closeness(closestCited) <= CITED_FAILURE_MARGIN) {
            return closestCited;
        }
        return closest;
    }

    /** The candidates in the cited passages, and the {@link #MAX_OTHERS} others that share most of the claim's words. */
    private List<Evidence> worthChecking(Claim claim, List<Evidence> candidates, Set<Integer> cited) {
        if (candidates.size() <= MAX_OTHERS) {
            return candidates;
        }
        Set<String> wanted = terms.informativeTerms(claim.text());
        List<Evidence> chosen = new ArrayList<>();
        List<Evidence> others = new ArrayList<>();
        for (Evidence e : candidates) {
            (e.passages().stream().anyMatch(cited::contains) ? chosen : others).add(e);
        }
        others.sort(Comparator.comparingDouble((Evidence e) -> -terms.coverage(wanted, terms.termsOf(e.text()))));
        chosen.addAll(others.subList(0, Math.min(MAX_OTHERS, others.size())));
        return chosen;
    }

    private static boolean inCited(Verdict v, Set<Integer> cited) {
        return v.evidence() != null && v.evidence().passages().stream().anyMatch(cited::contains);
    }

    private static double score(Verdict v) {
        double pair = v.evidence() != null && v.evidence().sentences().size() > 1 ? PAIR_PENALTY : 0;
        return closeness(v) - pair;
    }

    /** How near the support is to the claim, whatever the verdict: wording and meaning. */
    private static double closeness(Verdict v) {
        double similarity = Double.isNaN(v.similarity()) ? 0 : v.similarity();
        return similarity + DefaultClaimVerifier.COVERAGE_WEIGHT * v.coverage();
    }
}
