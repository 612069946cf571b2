package dev.cited.grounding;

import java.util.List;

/**
 * The doer of the verb the claim and the support share is the same: the claim's "Seoul might receive…" is
 * not the support's "Pyongyang might receive…" when the support names Seoul elsewhere, as another doer.
 * (When the claim's doer is not in the support at all, it may stand for the support's: "North Korea has
 * dispatched" for "Kim Jong Un has dispatched".)
 */
final class SubjectCheck implements Check {
    /** How close before the verb a name must be to count as its doer. */
    static final int NEAR = 4;

    /** Verbs that hand something over, after which "with" names who receives it ("share … with Kim’s regime"). */
    private static final java.util.regex.Pattern TRANSFER = java.util.regex.Pattern.compile(
            "(?i)\\b(?:shar|provid|suppl|giv|gave|sell|sold|send|sent|transfer|deliver|hand|offer|equip|arm)\\w*\\b");

    @Override
    public Verdict failure(Comparison c) {
        Verdict reversed = giverAndReceiverReversed(c);
        if (reversed != null) {
            return reversed;
        }
        List<Word> claim = c.claim().words();
        List<Word> support = c.support().words();
        for (int i = 1; i < claim.size(); i++) {
            Word verb = claim.get(i);
            boolean present = verb.key().endsWith("s") && !verb.key().endsWith("ss") && claim.get(i - 1).capitalised()
                    && !Lexicon.COMMON.contains(verb.key()); // "Moscow expects"
            if (verb.capitalised() || verb.numeric() || !(verb.key().endsWith("ed") || after(claim, i) || present)
                    || passive(claim, i)) {
                continue;
            }
            for (int j = 1; j < support.size(); j++) {
                if (!support.get(j).key().equals(verb.key()) || passive(support, j)) {
                    continue;
                }
                Name claimDoer = doer(c.claim(), i);
                Name supportDoer = doer(c.support(), j);
                if (claimDoer == null || supportDoer == null) {
                    continue;
                }
                String mine = Roles.canonical(claimDoer);
                String theirs = Roles.canonical(supportDoer);
                // The claim's doer named by the support in another part, or the support's doer by the claim:
                // "Moscow expects support from Pyongyang" for "Pyongyang expects support".
                boolean named = c.support().names().stream().anyMatch(n -> n != supportDoer && Roles.canonical(n).equals(mine))
                        || c.claim().names().stream().anyMatch(n -> n != claimDoer && Roles.canonical(n).equals(theirs));
                boolean together = joinedDoers(c.support(), supportDoer).contains(mine)
                        || joinedDoers(c.claim(), claimDoer).contains(theirs); // "South Korea and the EU condemned"
                if (!mine.equals(theirs) && !mine.contains(theirs) && !theirs.contains(mine) && named && !together) {
                    return Check.contradicted((c.question() ? "the question" : "the claim") + " has " + claimDoer.text()
                            + " " + verb.text() + " where the source has " + supportDoer.text());
                }
            }
        }
        return null;
    }

    /**
     * "Kim also sent submarines to Moscow" against "Russia could decide to share … with Kim’s regime": the
     * claim's giver is the support's receiver and its receiver the support's giver, whatever the verbs.
     */
    private static Verdict giverAndReceiverReversed(Comparison c) {
        if (Grammar.aboutAnExchange(c.claim(), c.support())) {
            return null; // goods go both ways
        }
        List<Role> claimReceivers = receivers(c.claim());
        Name claimGiver = doerBefore(c.claim(), claimReceivers.isEmpty() ? 0 : claimReceivers.get(0).start());
        if (claimGiver == null) {
            return null;
        }
        String giver = Roles.canonical(claimGiver);
        for (Role received : receivers(c.support())) {
            if (!received.name().equals(giver)) {
                continue;
            }
            Name supportGiver = doerBefore(c.support(), received.start());
            String theirs = supportGiver == null ? null : Roles.canonical(supportGiver);
            if (theirs != null && !theirs.equals(giver) && claimReceivers.stream().anyMatch(r -> r.name().equals(theirs))) {
                return Check.contradicted((c.question() ? "the question" : "the claim") + " has " + claimGiver.text()
                        + " giving to " + supportGiver.text() + "; the source has it the other way round");
            }
        }
        return null;
    }

    /**
     * The last name before {@code before}, in its sentence, that is not after a preposition nor a possessor:
     * who hands something over ("Russia could decide to share … with Kim’s regime").
     */
    private static Name doerBefore(Reading r, int before) {
        int sentenceStart = Math.max(r.text().lastIndexOf(". ", Math.max(0, before - 1)) + 1, 0);
        Name found = null;
        for (Name n : r.names()) {
            if (n.start() < sentenceStart || n.end() > before) {
                continue;
            }
            int i = Grammar.indexAt(r.words(), n.start());
            String after = r.text().substring(n.end());
            boolean possessor = after.startsWith("’s") || after.startsWith("'s");
            if ((i == 0 || i > 0 && !Grammar.PREPOSITIONS.contains(r.words().get(i - 1).key())) && !possessor) {
                found = n;
            }
        }
        return found;
    }

    /** Roles of names that receive: after "to" or "for", or after "with" following a verb of handing over. */
    private static List<Role> receivers(Reading r) {
        List<Role> receivers = new java.util.ArrayList<>();
        for (Role role : r.roles()) {
            if (!role.named()) {
                continue;
            }
            boolean handedWith = role.preposition().equals("with")
                    && TRANSFER.matcher(r.text().substring(Math.max(0, role.start() - 60), role.start())).find();
            if (role.preposition().equals("to") || role.preposition().equals("for") || handedWith) {
                receivers.add(role);
            }
        }
        return receivers;
    }


    /** The doer and the names joined to it by "and" or a comma just before it ("South Korea and the EU"). */
    private static java.util.Set<String> joinedDoers(Reading r, Name doer) {
        java.util.Set<String> joined = new java.util.HashSet<>();
        joined.add(Roles.canonical(doer));
        int start = doer.start();
        for (int i = r.names().size() - 1; i >= 0; i--) {
            Name n = r.names().get(i);
            if (n.end() <= start) {
                String gap = r.text().substring(n.end(), start).replaceAll("[’']s\\b", "").strip();
                if (!gap.matches("(?i)(?:,|and|, and|&)?\\s*(?:the)?")) {
                    break;
                }
                joined.add(Roles.canonical(n));
                start = n.start();
            }
        }
        return joined;
    }

    /** "was recently appointed": the name before it is not its doer. */
    private static boolean passive(List<Word> words, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 2); k--) {
            if (List.of("was", "were", "is", "are", "been", "be", "being").contains(words.get(k).key())) {
                return true;
            }
        }
        return false;
    }

    /** Auxiliaries after whose subject a verb follows ("has sent", "does Moscow expect"); not "to", not "is". */
    private static final java.util.Set<String> BEFORE_VERB = java.util.Set.of("might", "may", "will", "would", "could",
            "can", "should", "must", "has", "have", "had", "did", "does", "do");

    /** After a modal or an auxiliary: "might receive", "has sent", or in a question "does Moscow expect". */
    private static boolean after(List<Word> words, int i) {
        if (BEFORE_VERB.contains(words.get(i - 1).key())) {
            return true;
        }
        for (int k = i - 1; k >= Math.max(0, i - 4) && words.get(k).capitalised(); k--) {
            if (k > 0 && BEFORE_VERB.contains(words.get(k - 1).key())) {
                return true;
            }
        }
        return false;
    }

    /** The name ending at most {@link #NEAR} words before the verb, not after a preposition ("with Russia to gain"); or null. */
    private static Name doer(Reading r, int verb) {
        List<Word> words = r.words();
        int verbStart = words.get(verb).start();
        int earliest = words.get(Math.max(0, verb - NEAR)).start();
        Name found = null;
        for (Name n : r.names()) {
            if (n.end() <= verbStart && n.start() >= earliest) {
                found = n;
            }
        }
        if (found != null) {
            String text = r.text();
            if (text.startsWith("’s", found.end()) || text.startsWith("'s", found.end())) {
                return null; // "the EU’s recently appointed commissioner": a possessor, not a doer
            }
            for (int i = 1; i < words.size(); i++) {
                if (words.get(i).start() == found.start() && Grammar.PREPOSITIONS.contains(words.get(i - 1).key())) {
                    return null;
                }
            }
        }
        return found;
    }

}
