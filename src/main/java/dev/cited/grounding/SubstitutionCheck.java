package dev.cited.grounding;

import java.util.List;
import java.util.Set;

/**
 * One thing of the document put in another's place, where the words around it are the support's own:
 * "a separate stable branch" for "a separate beta branch", "to libstd" for "to libcore". The word put in
 * must be one the document uses elsewhere (a synonym from outside the document is a paraphrase), and not
 * a verb form (verbs are paraphrased with the document's own words all the time: "agreed" for "reached").
 */
final class SubstitutionCheck implements Check {
    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "to", "in", "on", "and", "or", "is",
            "are", "was", "were", "be", "been", "has", "have", "had", "as", "at", "by", "for", "with", "that",
            "this", "it", "its", "their", "his", "her");

    @Override
    public Verdict failure(Comparison c) {
        List<Word> claim = c.claim().words();
        List<Word> support = c.support().words();
        for (int i = 1; i + 1 < claim.size(); i++) {
            Word put = claim.get(i);
            if (STOP.contains(put.key()) || put.numeric() || verbForm(put.key())
                    || contains(support, put.key())
                    || !c.evidence().lexicon().common(put.key()) || Lexicon.COMMON.contains(put.key())) {
                continue;
            }
            String before = claim.get(i - 1).key();
            String after = claim.get(i + 1).key();
            for (int j = 1; j + 1 < support.size(); j++) {
                Word said = support.get(j);
                if (support.get(j - 1).key().equals(before) && support.get(j + 1).key().equals(after)
                        && !contains(claim, said.key()) && !STOP.contains(said.key()) && !verbForm(said.key())
                        && !(STOP.contains(before) && STOP.contains(after))) {
                    return Check.notSupported((c.question() ? "the question says “" : "the claim says “")
                            + put.text() + "” where the source says “" + said.text() + "”");
                }
            }
        }
        return null;
    }

    private static boolean verbForm(String key) {
        return key.endsWith("ed") || key.endsWith("ing");
    }

    private static boolean contains(List<Word> words, String key) {
        String stem = Grammar.stem(key);
        return words.stream().anyMatch(w -> Grammar.stem(w.key()).equals(stem));
    }
}
