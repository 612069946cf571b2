package dev.cited.grounding;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The little English grammar the checks share: function words, a crude stem, finding a word by offset. */
final class Grammar {
    /** What opens a noun phrase: "the client", "a shipyard", "its regime". */
    static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our", "this",
            "that", "these", "those", "each", "every", "another");
    /** Words after which a name is not a doer: "with Russia to gain", "by Poland". */
    static final Set<String> PREPOSITIONS = Set.of("with", "to", "from", "by", "for", "of", "on", "in", "at",
            "against", "into", "than", "as");
    /** Words before a verb: "has sent", "might receive", "could North Korea share". */
    static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "is", "are", "was", "were", "will", "would",
            "could", "can", "may", "might", "should", "must", "did", "does", "do", "gets", "got", "get", "to", "be",
            "been");
    /** A claim about what was given in return: "in exchange", "payment", "paid". */
    private static final Pattern TALKS_OF_EXCHANGE = Pattern.compile(
            "(?i)\\bin (?:exchange|return|turn)\\b|\\bpayment\\b|\\bpa(?:y|id|ys)\\b");
    /** A text that says goods went both ways. */
    private static final Pattern SAYS_EXCHANGE = Pattern.compile("(?i)\\bin (?:exchange|return|payment)\\b");

    private Grammar() {
    }

    /**
     * Whether the claim is about what was given in return for what the support describes ("What does Moscow
     * hand over as payment?"): then either direction of a transfer can be right.
     */
    static boolean aboutAnExchange(Reading claim, Reading support) {
        return TALKS_OF_EXCHANGE.matcher(claim.text()).find() && SAYS_EXCHANGE.matcher(support.text()).find();
    }

    /** A crude stem, its first five letters: "server" and "servers", "condition" and "conditions". */
    static String stem(String key) {
        return key.length() > 5 ? key.substring(0, 5) : key;
    }

    /** The index of the word starting at {@code start}, or -1. */
    static int indexAt(List<Word> words, int start) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).start() == start) {
                return i;
            }
        }
        return -1;
    }
}
