package dev.cited.grounding;

import java.util.ArrayList;
import java.util.List;

/**
 * The claim does not say the opposite of its support: no opposite word in place of the support's ("least"
 * for "most", "imports" for "exporting") and no negation added or dropped ("has supplied" where the source
 * says "has not extended to supplying").
 */
final class PolarityCheck implements Check {
    /** A clause pair compares polarity only when they share this many informative terms... */
    static final int MIN_SHARED_TERMS = 2;
    /** ...and at least this share of the best-matching clause's. */
    static final double NEAR_BEST = 0.5;
    private static final java.util.regex.Pattern HYPOTHETICAL = java.util.regex.Pattern.compile(
            "(?i)\\b(?:if|whether|unless|would|could|might|were to)\\b");

    @Override
    public Verdict failure(Comparison c) {
        String[] opposed = Polarity.opposed(c.claim().words(), c.support().words());
        if (opposed == null && c.question()) {
            // A question written from the sentence before or after the answer ("Which nation is Russia’s most
            // significant partner?" then "…answer: North Korea") may have turned a word of it around.
            opposed = Polarity.opposed(c.claim().words(), c.previous().words());
            opposed = opposed != null ? opposed : Polarity.opposed(c.claim().words(), c.next().words());
        }
        if (opposed != null) {
            return Check.contradicted((c.question() ? "the question says “" : "the claim says “") + opposed[0]
                    + "” where the source says “" + opposed[1] + "”");
        }
        for (Clause claimed : c.claim().clauses()) {
            if (claimed.terms().size() < MIN_SHARED_TERMS || c.question() && HYPOTHETICAL.matcher(claimed.text()).find()) {
                continue; // "What does Seoul fear if it sends weapons…?" supposes, it does not say
            }
            List<Clause> matching = matching(claimed, c.support().clauses());
            if (!matching.isEmpty() && matching.stream().noneMatch(s -> s.negated() == claimed.negated())) {
                Clause said = matching.get(0);
                return Check.contradicted(claimed.negated()
                        ? "the claim denies what the source says: “" + said.text().strip() + "”"
                        : "the source says the opposite: “" + said.text().strip() + "”");
            }
        }
        return null;
    }

    /** The support's clauses that say most of what {@code claimed} is about, best first. */
    private static List<Clause> matching(Clause claimed, List<Clause> clauses) {
        int best = 0;
        for (Clause s : clauses) {
            best = Math.max(best, shared(claimed, s));
        }
        List<Clause> near = new ArrayList<>();
        if (best < MIN_SHARED_TERMS) {
            return near;
        }
        for (Clause s : clauses) {
            int shared = shared(claimed, s);
            if (shared >= MIN_SHARED_TERMS && shared >= NEAR_BEST * best) {
                near.add(s);
            }
        }
        near.sort((a, b) -> shared(claimed, b) - shared(claimed, a));
        return near;
    }

    private static int shared(Clause a, Clause b) {
        int n = 0;
        for (String t : a.terms()) {
            if (b.terms().contains(t)) {
                n++;
            }
        }
        return n;
    }
}
