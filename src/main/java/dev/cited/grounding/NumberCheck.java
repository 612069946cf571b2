package dev.cited.grounding;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every number, amount, percentage, year and date of the claim is in the support, in whatever form:
 * "13,000" for "13000", "six million" for "6m". A number the support lacks means not supported; a
 * different number in its place, contradicted.
 */
final class NumberCheck implements Check {

    @Override
    public Verdict failure(Comparison c) {
        List<Quantity> given = c.support().quantities();
        for (Quantity claimed : c.claim().quantities()) {
            if (given.stream().anyMatch(claimed::sameAs) || inName(claimed, c.support()) || determinerOnly(claimed, c)) {
                continue;
            }
            List<Quantity> alike = given.stream()
                    .filter(q -> q.isDate() == claimed.isDate() && q.ordinal() == claimed.ordinal())
                    .sorted(java.util.Comparator.comparingDouble(q -> distance(q, claimed)))
                    .toList(); // the nearest first: "9m where the source says 6m", not "…says 13,000"
            String what = c.question() ? "the question asks about " : "the claim says ";
            if (!alike.isEmpty()) {
                return Check.contradicted(what + claimed.text() + " where the source says "
                        + alike.stream().limit(2).map(Quantity::text).collect(Collectors.joining(" or ")));
            }
            return Check.notSupported(what + claimed.text() + ", which the source does not mention");
        }
        return null;
    }

    /**
     * The number is part of a name in the support ("Crane 7 was repaired" read "Crane 7" as a name; the
     * question "when was crane 7 repaired?" asks about 7): the support does give it.
     */
    private static boolean inName(Quantity claimed, Reading support) {
        java.util.regex.Pattern token = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}.,])"
                + java.util.regex.Pattern.quote(claimed.text()) + "(?![\\p{L}\\p{N}]|[.,]\\p{N})");
        return claimed.text().chars().anyMatch(Character::isDigit)
                && support.names().stream().anyMatch(n -> token.matcher(n.text()).find());
    }

    /** How far apart two quantities are in size (orders of magnitude), for naming the one a claim changed. */
    private static double distance(Quantity a, Quantity b) {
        if (a.values().length == 0 || b.values().length == 0) {
            return 0;
        }
        double best = Double.MAX_VALUE;
        for (double x : a.values()) {
            for (double y : b.values()) {
                best = Math.min(best, Math.abs(Math.log10(Math.abs(x) + 1) - Math.log10(Math.abs(y) + 1)));
            }
        }
        return best;
    }

    /**
     * A small number in words whose noun the support does not use counts people or things by another name
     * ("the two powers" for Russia and China): it is not a quantity the support must give. "Six submarines"
     * against the support's "four submarines" is.
     */
    private static boolean determinerOnly(Quantity q, Comparison c) {
        if (q.text().chars().anyMatch(Character::isDigit) || q.unit() != null || q.values().length != 1
                || q.values()[0] > 10 || q.isDate() || q.ordinal()) {
            return false;
        }
        List<Word> words = c.claim().words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).end() == q.end()) {
                if (words.get(i + 1).capitalised()) {
                    return true; // "the two Koreas": named things, counted
                }
                String noun = Grammar.stem(words.get(i + 1).key());
                return c.support().words().stream().noneMatch(w -> Grammar.stem(w.key()).equals(noun));
            }
        }
        return true;
    }
}
