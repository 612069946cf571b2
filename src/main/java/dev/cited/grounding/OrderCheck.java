package dev.cited.grounding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who did what to whom, where no preposition tells: around the verb the claim and the support share, a
 * part the claim puts before it (the doer) is after it in the support, and another part the other way
 * round ("Castleford beat Riverton" for "Riverton beat Castleford"; "Putin has dispatched shells to Kim"
 * for "Kim has dispatched shells, providing Putin…"). A passive with "by" counts its doer first ("a deal
 * unveiled by Poland" is "Poland unveiled a deal").
 */
final class OrderCheck implements Check {
    /** Past forms that do not end in -ed. */
    private static final Set<String> IRREGULAR = Set.of("beat", "sent", "sold", "bought", "gave", "took", "won",
            "lost", "made", "led", "met", "told", "went", "came", "brought", "held", "paid", "built", "began",
            "saw", "left", "put", "set", "hit", "ran", "wrote", "spoke", "chose", "drove", "fell", "grew", "knew",
            "threw", "flew", "drew", "broke", "stole", "rose", "shot", "struck", "fought", "sought", "taught",
            "caught", "lent", "spent", "beats", "defeats", "sends", "gives", "sells");
    /** Parts farther than this from the verb belong to other clauses. */
    static final int REACH = 16;

    @Override
    public Verdict failure(Comparison c) {
        List<Word> claim = c.claim().words();
        List<Word> support = c.support().words();
        for (int i = 0; i < claim.size(); i++) {
            if (!verbLike(claim, i)) {
                continue;
            }
            int j = firstWithKey(support, claim.get(i).key());
            if (j < 0 || !verbLike(support, j)) {
                continue;
            }
            Map<String, Integer> claimSides = sides(c.claim(), i);
            Map<String, Integer> supportSides = sides(c.support(), j);
            String movedForward = null;
            String movedBack = null;
            for (Map.Entry<String, Integer> e : claimSides.entrySet()) {
                Integer other = supportSides.get(e.getKey());
                if (other == null || other.equals(e.getValue())) {
                    continue;
                }
                if (e.getValue() < 0) {
                    movedForward = e.getKey();
                } else {
                    movedBack = e.getKey();
                }
            }
            if (movedForward != null && movedBack != null) {
                return Check.contradicted((c.question() ? "the question" : "the claim") + " has " + movedForward
                        + " and " + movedBack + " the other way round from the source (“" + claim.get(i).text() + "”)");
            }
        }
        return null;
    }

    /** For each part near the verb at {@code verb}: -1 when it is the doer's side, +1 the other side. */
    private static Map<String, Integer> sides(Reading r, int verb) {
        List<Word> words = segment(r, verb);
        verb = words.indexOf(r.words().get(verb));
        boolean passive = verb + 1 < words.size() && words.get(verb + 1).key().equals("by");
        Map<String, Integer> sides = new HashMap<>();
        int doer = passive ? farthestByPhrase(words, verb) : -1;
        Map<String, Integer> distance = new HashMap<>();
        for (Name n : r.names()) {
            int at = Grammar.indexAt(words, n.start());
            if (at < 0 || Math.abs(at - verb) > REACH || at == verb) {
                continue;
            }
            String key = Roles.canonical(n);
            if (!distance.containsKey(key) || Math.abs(at - verb) < distance.get(key)) {
                distance.put(key, Math.abs(at - verb)); // the mention nearest the verb says its part
                sides.put(key, side(at, verb, passive, doer));
            }
        }
        for (int k = Math.max(0, verb - REACH); k <= Math.min(words.size() - 1, verb + REACH); k++) {
            Word w = words.get(k);
            if (k == verb || w.capitalised() || w.numeric() || k == 0 || !Grammar.DETERMINERS.contains(words.get(k - 1).key())
                    || Lexicon.COMMON.contains(w.key())) {
                continue; // common nouns only, seen by their determiner: "the client", "a shipyard"
            }
            sides.putIfAbsent(Grammar.stem(w.key()), side(k, verb, passive, doer));
        }
        return sides;
    }

    /**
     * The words around the verb up to a quotation mark, a semicolon, a colon or a dash: "“…make choices…,”
     * as Mohan puts it" puts Mohan outside the remark, neither before nor after its verb.
     */
    private static List<Word> segment(Reading r, int verb) {
        String text = r.text();
        List<Word> words = r.words();
        int from = verb;
        while (from > 0 && !breaks(text.substring(words.get(from - 1).end(), words.get(from).start()))) {
            from--;
        }
        int to = verb;
        while (to + 1 < words.size() && !breaks(text.substring(words.get(to).end(), words.get(to + 1).start()))) {
            to++;
        }
        return words.subList(from, to + 1);
    }

    private static boolean breaks(String gap) {
        return gap.chars().anyMatch(ch -> "“”\";:()–—".indexOf(ch) >= 0);
    }

    private static int side(int at, int verb, boolean passive, int doerEnd) {
        if (!passive) {
            return at < verb ? -1 : 1;
        }
        return at > verb && at <= doerEnd ? -1 : 1; // "unveiled by Poland": Poland is the doer
    }

    /** The last word of the phrase after "by" that follows the verb at {@code verb}. */
    private static int farthestByPhrase(List<Word> words, int verb) {
        int end = verb + 2;
        while (end + 1 < words.size() && end - verb < 5 && (words.get(end + 1).capitalised()
                || Grammar.DETERMINERS.contains(words.get(end).key()))) {
            end++;
        }
        return end;
    }

    /** A word used as a verb: a past form, an -ed word, or one after "has", "will", "to"… */
    private static boolean verbLike(List<Word> words, int i) {
        Word w = words.get(i);
        if (w.capitalised() || w.numeric() || w.key().length() < 3 || Lexicon.COMMON.contains(w.key())
                && !IRREGULAR.contains(w.key())) {
            return false; // "are now able": "now" is no verb
        }
        if (IRREGULAR.contains(w.key()) || w.key().endsWith("ed")) {
            return true;
        }
        if (Grammar.DETERMINERS.contains(w.key())) {
            return false;
        }
        // "has sent", or in a question "could North Korea share"
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            if (Grammar.AUXILIARIES.contains(words.get(k).key())) {
                return true;
            }
            if (!words.get(k).capitalised() || k == 0) {
                return false;
            }
        }
        return false;
    }

    private static int firstWithKey(List<Word> words, String key) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

}
