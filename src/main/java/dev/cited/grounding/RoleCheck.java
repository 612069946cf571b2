package dev.cited.grounding;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who did what to whom: a name the claim puts after "to" is not the one the source puts after "from"
 * ("sent from Russia to North Korea" for "from North Korea to Russia"), and what the claim puts after a
 * preposition is not swapped with another part of the claim ("unveiled by South Korea" for "by Poland";
 * "sends the token to the client" for "the client sends the token to the server").
 */
final class RoleCheck implements Check {

    /**
     * Whether the sentence of the support that holds {@code role} also names {@code name}: "for Poland" with
     * Norway named only in the next sentence is Norway put in Poland's place.
     */
    private static boolean inSentenceOf(Role role, String name, Comparison c) {
        int[] sentence = sentenceAround(role.start(), c.evidence());
        return c.support().names().stream().anyMatch(n -> n.start() >= sentence[0] && n.end() <= sentence[1]
                && Roles.canonical(n).equals(name));
    }

    /** The offsets, within the support's text, of the sentence holding {@code at}. */
    private static int[] sentenceAround(int at, Evidence evidence) {
        int base = evidence.quote().start();
        for (dev.cited.chunking.Span s : evidence.sentences()) {
            if (at >= s.start() - base && at < s.end() - base) {
                return new int[]{s.start() - base, s.end() - base};
            }
        }
        return new int[]{0, evidence.text().length()};
    }

    private static Set<String> supportNames(Comparison c) {
        return c.support().names().stream().map(Roles::canonical).collect(Collectors.toSet());
    }

    /** "kim" and "kim yong hyun": one name, written in full or in part. */
    private static boolean partOf(String a, String b) {
        return (" " + a + " ").contains(" " + b + " ") || (" " + b + " ").contains(" " + a + " ");
    }

    @Override
    public Verdict failure(Comparison c) {
        // A question may ask about the sentence before its answer; only a reversed direction counts there.
        boolean earlier = c.question() && c.support().roles().isEmpty();
        List<Role> said = earlier ? c.previous().roles() : c.support().roles();
        // A claim about what was given in return ("What does Moscow hand over as payment?") is about the goods
        // going the other way: either direction can be right.
        boolean exchange = Grammar.aboutAnExchange(c.claim(), c.support());
        Set<String> claimNames = c.claim().names().stream().map(Roles::canonical).collect(Collectors.toCollection(java.util.HashSet::new));
        c.claim().words().forEach(w -> claimNames.add(Grammar.stem(w.key())));
        for (Role claimed : c.claim().roles()) {
            if (said.stream().anyMatch(r -> r.preposition().equals(claimed.preposition())
                    && r.name().equals(claimed.name()))) {
                continue;
            }
            String reverse = Roles.reverse(claimed.preposition());
            for (Role r : said) {
                boolean reversed = r.preposition().equals(reverse) && r.name().equals(claimed.name()) && !exchange;
                // A question relates its parts more loosely than a statement: only a reversed direction counts.
                // "against North Korean forces" where the source has "against Ukrainian forces" and names North
                // Korea elsewhere, the claim Ukraine: the two traded places. (Common nouns must both play parts.)
                boolean swapped = !earlier && !exchange && r.preposition().equals(claimed.preposition())
                        && !r.name().equals(claimed.name()) && !partOf(r.name(), claimed.name())
                        && (claimed.named() && r.named() ? claimNames.contains(r.name()) && supportNames(c).contains(claimed.name())
                        : c.claim().roles().stream().anyMatch(own -> own.name().equals(r.name()))
                        && said.stream().anyMatch(other -> other.name().equals(claimed.name())))
                        && c.claim().roles().stream().noneMatch(own -> own.preposition().equals(r.preposition())
                        && own.name().equals(r.name()));
                // "to Poland" where the source has "to Ukraine": another part in its place, not named in the claim
                boolean replaced = !earlier && claimed.named() && r.named() && r.preposition().equals(claimed.preposition())
                        && !r.name().equals(claimed.name()) && !claimNames.contains(r.name())
                        && !partOf(r.name(), claimed.name()) && !inSentenceOf(r, claimed.name(), c);
                if (reversed || swapped || replaced) {
                    return Check.contradicted((c.question() ? "the question has “" : "the claim has “")
                            + claimed.text() + "” where the source has “" + r.text() + "”");
                }
            }
        }
        return null;
    }
}
